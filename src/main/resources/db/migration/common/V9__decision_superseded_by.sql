-- A decision superseded by a later one records which (status SUPERSEDED). Runs unchanged on H2
-- (PostgreSQL mode) and PostgreSQL.
alter table decision add column superseded_by uuid;
alter table decision add constraint decision_superseded_by_fk
  foreign key (superseded_by) references decision (id);
create index decision_by_superseded_by on decision (superseded_by);
