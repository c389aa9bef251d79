-- Replies to the reporter by email (issue 15). A reply names the message it answers
-- (In-Reply-To), so the Message-ID of each email taken in is kept with it, for the 30 days
-- inbound_email rows are kept; and a notification that carries a reply names the timeline entry
-- that holds its words, which are not copied here.
alter table inbound_email add column message_id varchar(500);
alter table notification add column entry_id bigint;
