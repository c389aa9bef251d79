-- GOV.UK Notify (issue 15): a message Notify accepted carries Notify's id for it, and Notify's
-- delivery receipts say whether it arrived. status stays Borough's own (SENT once handed over);
-- delivery_status is Notify's word for what happened next (delivered, permanent-failure, ...).
alter table notification add column provider_id varchar(36);
alter table notification add column delivery_status varchar(30);
alter table notification add column delivered_at timestamp with time zone;
