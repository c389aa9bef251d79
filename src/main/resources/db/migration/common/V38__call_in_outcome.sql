-- What was decided about a called-in decision: scrutiny's outcome, then Council's or the decision
-- maker's where it was referred on, in the order they were recorded. Runs unchanged on H2 and
-- PostgreSQL.
create table decision_call_in_outcome (
  decision_id  uuid not null references decision_call_in (decision_id),
  position     integer not null,
  outcome      varchar(30) not null,
  decided_on   date not null,
  decided_by   varchar(300) not null,
  notes        varchar(4000),
  recorded_at  timestamp with time zone not null,
  recorded_by  varchar(60) not null,
  primary key (decision_id, position)
);
