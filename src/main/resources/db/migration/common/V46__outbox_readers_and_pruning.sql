-- Every reader of the outbox keeps its position here, so that rows all of them have passed can be
-- pruned (system.outbox.OutboxPruning) and the admin page can show how far behind each one is.
-- Notifications' cursor moves here from its own table; each node's warehouse replica reports the
-- position it has loaded up to.
create table outbox_reader (
  reader      varchar(100) primary key,
  position    bigint not null,
  updated_at  timestamp with time zone not null
);

insert into outbox_reader (reader, position, updated_at)
select consumer, position, current_timestamp from notification_cursor;

drop table notification_cursor;

-- The last pruning: every position up to pruned_up_to is gone, so a reader behind it (a warehouse
-- replica of a node that was away longer than the reader expiry) must rebuild instead of reading on.
create table outbox_pruning (
  id            int primary key,
  pruned_up_to  bigint not null,
  pruned_at     timestamp with time zone not null,
  rows_deleted  bigint not null
);
