-- As postgresql/V4: the resident's search_name beside each contact detail, so a search by phone,
-- email or postcode reads its page from one index in name order. (H2 has no UPDATE … FROM and no
-- "C" collation; its default string order is already by character code.)
alter table resident_email add column search_name varchar(201);
alter table resident_phone add column search_name varchar(201);
alter table resident_address add column search_name varchar(201);

update resident_email c set search_name = (select r.search_name from resident r where r.id = c.resident_id);
update resident_phone c set search_name = (select r.search_name from resident r where r.id = c.resident_id);
update resident_address c set search_name = (select r.search_name from resident r where r.id = c.resident_id);

alter table resident_email alter column search_name set not null;
alter table resident_phone alter column search_name set not null;
alter table resident_address alter column search_name set not null;

drop index resident_email_email;
drop index resident_phone_phone;
drop index resident_address_postcode;
create index resident_email_search on resident_email (email, search_name, resident_id);
create index resident_phone_search on resident_phone (phone, search_name, resident_id);
create index resident_address_search on resident_address (postcode, search_name, resident_id);
