-- Email to case (issue 15): each email read from a council mailbox, so that it is taken once
-- however often the poller sees it (a crash between the commit and marking it read on the mail
-- server, two nodes). No address or words are kept here: the Message-ID and the sender are
-- SHA-256 hashes, the first to know the email again, the second to notice a mail loop. Rows are
-- kept 30 days.
create table inbound_email (
  mailbox       varchar(40) not null,
  message_hash  char(64) not null,
  sender_hash   char(64) not null,
  received_at   timestamp with time zone not null,
  outcome       varchar(20) not null,
  reason        varchar(200),
  case_id       uuid,
  primary key (mailbox, message_hash)
);
create index inbound_email_sender on inbound_email (sender_hash, received_at);
create index inbound_email_received on inbound_email (received_at);
