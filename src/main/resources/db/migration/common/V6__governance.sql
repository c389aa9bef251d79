-- Governance: the executive decisions register (SI 2012/2089 regs 8-14). Runs unchanged on H2
-- (PostgreSQL mode) and PostgreSQL. The current text of a decision is held in these tables; every
-- published version is also kept whole, as JSON, in decision_version.

create table decision_issue (
  id          uuid primary key,
  title       varchar(300) not null,
  summary     varchar(4000)
);

create table decision_issue_ward (
  issue_id   uuid not null references decision_issue (id),
  ward_code  varchar(9) not null,
  primary key (issue_id, ward_code)
);

create table decision (
  id                        uuid primary key,
  issue_id                  uuid not null references decision_issue (id),
  status                    varchar(20)  not null,
  version                   integer not null default 0,
  maker_kind                varchar(20)  not null,
  maker_name                varchar(200) not null,
  meeting_date              date,
  introduced_by             varchar(300),
  decision_date             date not null,
  publication_date          date,
  call_in_deadline          date,
  subject_to_call_in        boolean not null,
  key_decision              boolean not null,
  forward_plan_published    date,
  general_exception_notice  date,
  scrutiny_chair_informed   date,
  urgency_agreed_by         varchar(200),
  urgency_agreed_on         date,
  purpose                   varchar(20000),
  reasons                   varchar(20000),
  declarations              varchar(4000),
  search_text               varchar(100000) not null,
  recorded_at               timestamp with time zone not null,
  recorded_by               varchar(60) not null,
  updated_at                timestamp with time zone not null
);
create index decision_by_date on decision (decision_date, id);
create index decision_by_status on decision (status, decision_date);

create table decision_member (
  decision_id  uuid not null references decision (id),
  position     integer not null,
  name         varchar(200) not null,
  primary key (decision_id, position)
);

create table decision_item (
  decision_id     uuid not null references decision (id),
  number          integer not null,
  verb            varchar(30) not null,
  body            varchar(4000) not null,
  amount_pence    bigint,
  financial_year  varchar(7),
  funding_source  varchar(200),
  referred_to     varchar(200),
  referral_date   date,
  primary key (decision_id, number)
);

create table decision_option (
  decision_id   uuid not null references decision (id),
  number        integer not null,
  title         varchar(300) not null,
  why_rejected  varchar(4000) not null,
  primary key (decision_id, number)
);

create table decision_document (
  decision_id  uuid not null references decision (id),
  position     integer not null,
  title        varchar(300) not null,
  url          varchar(1000) not null,
  primary key (decision_id, position)
);

create table decision_call_in (
  decision_id   uuid primary key references decision (id),
  called_in_on  date not null,
  called_in_by  varchar(1000) not null,
  reason        varchar(4000) not null,
  recorded_at   timestamp with time zone not null,
  recorded_by   varchar(60) not null
);

-- Each published version of a decision, whole: version 1 is what was published, later ones are
-- corrections, each with who made it and why.
create table decision_version (
  decision_id  uuid not null references decision (id),
  version      integer not null,
  recorded_at  timestamp with time zone not null,
  recorded_by  varchar(60) not null,
  reason       varchar(2000),
  content      varchar(200000) not null,
  primary key (decision_id, version)
);
