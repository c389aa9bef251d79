-- Governance: the forward plan, notices of key decisions to be taken (SI 2012/2089 reg 9), each
-- linked to the decision it led to once that is recorded. Runs unchanged on H2 (PostgreSQL mode)
-- and PostgreSQL.
create table forward_plan_notice (
  id                      uuid primary key,
  title                   varchar(300) not null,
  summary                 varchar(4000),
  decision_maker          varchar(200) not null,
  expected_decision_date  date not null,
  key_decision            boolean not null,
  documents               varchar(4000),
  documents_from          varchar(500),
  private_reason          varchar(1000),
  published_on            date not null,
  withdrawn_on            date,
  withdrawal_reason       varchar(2000),
  decision_id             uuid references decision (id),
  recorded_at             timestamp with time zone not null,
  recorded_by             varchar(60) not null,
  updated_at              timestamp with time zone not null
);
-- A decision follows from one notice at most (NULLs, notices not yet decided, are distinct).
create unique index forward_plan_notice_decision on forward_plan_notice (decision_id);
create index forward_plan_by_expected_date on forward_plan_notice (expected_decision_date, id);
create index forward_plan_by_published_on on forward_plan_notice (published_on, id);

create table forward_plan_notice_ward (
  notice_id  uuid not null references forward_plan_notice (id),
  ward_code  varchar(9) not null,
  primary key (notice_id, ward_code)
);
