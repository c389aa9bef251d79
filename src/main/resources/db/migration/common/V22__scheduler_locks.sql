-- Issue 12: scheduled work that must run on one node at a time when several Borough nodes share
-- this database (ShedLock's table, in its documented shape).
create table shedlock (
  name        varchar(64)  not null primary key,
  lock_until  timestamp    not null,
  locked_at   timestamp    not null,
  locked_by   varchar(255) not null
);
