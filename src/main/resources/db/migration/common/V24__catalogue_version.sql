-- Issue 12: every node holds the service catalogue and wards in memory. A change bumps this
-- number in its own transaction; each node reads it every few seconds and drops its copy when it
-- has moved, so a service changed on one node asks the new questions on all of them.
create table catalogue_version (
  id       integer not null primary key,
  version  bigint  not null
);
insert into catalogue_version (id, version) values (1, 0);
