-- Notifications: how far the dispatcher has read the outbox, which events it has planned
-- messages for, and one row per message to one resident: the sent-log that makes each
-- notification go once, and the retry state when it could not. Ids only: addresses are looked
-- up when a message is sent, so an erased resident is never written to again.
create table notification_cursor (
  consumer  varchar(40) primary key,
  position  bigint not null
);

create table notification_event (
  position    bigint primary key,
  event_type  varchar(100) not null,
  handled_at  timestamp with time zone not null
);

create table notification (
  id               uuid primary key,
  event_position   bigint not null,
  case_id          uuid not null,
  resident_id      uuid not null,
  template         varchar(20) not null,
  case_status      varchar(20),
  status           varchar(10) not null,
  channel          varchar(10),
  attempts         integer not null default 0,
  next_attempt_at  timestamp with time zone not null,
  last_error       varchar(300),
  created_at       timestamp with time zone not null,
  sent_at          timestamp with time zone,
  unique (event_position, resident_id)
);
create index notification_due on notification (status, next_attempt_at);
create index notification_case on notification (case_id, created_at);
