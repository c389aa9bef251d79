-- Each mailbox's last poll (issue 15), for the admin page: when it was read, what went wrong, and
-- how many unread emails could not be taken in. One row per mailbox, written by whichever node
-- polled.
create table mailbox_poll (
  mailbox    varchar(40) primary key,
  polled_at  timestamp with time zone not null,
  problem    varchar(300),
  waiting    integer not null default 0
);
