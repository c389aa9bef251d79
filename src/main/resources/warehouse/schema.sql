-- Borough warehouse: a Kimball star schema in DuckDB, derived from the CRM (its current state on a
-- rebuild, then its outbox).
-- Plain idempotent DDL, run on every start; never migrated by hand: change it, then rebuild.
-- Facts and dimensions carry no constraints on purpose: the declared data tests
-- (data-tests.txt, beside this file) check keys, nulls and relationships after every load,
-- and a constraint would turn a bad row into a stopped loader instead of a failed test.
-- Statements are separated by a line holding only a semicolon.

-- The version of this model a file was made with (WarehouseDatabase.MODEL): a file of another
-- version is not loaded into but rebuilt, since these statements never alter a table that exists.
create table if not exists warehouse_model (
  version  integer not null
)
;

-- Loader bookkeeping -----------------------------------------------------------
create table if not exists loader_state (
  id              integer not null,
  high_position   bigint not null,
  applied_events  bigint not null,
  updated_at      timestamptz not null
)
;
-- Positions below high_position not yet seen: a transaction still open, or one rolled back.
create table if not exists loader_gap (
  position       bigint not null,
  first_seen_at  timestamptz not null
)
;
-- Where a rebuild from the CRM's current state started the loader: the outbox position read in the
-- same snapshot as the CRM's rows, and when the reading ended. Events up to `read_until` may already
-- be in the rows, so the loader applies them idempotently (see BatchApplier).
create table if not exists loader_snapshot (
  position     bigint not null,
  read_from    timestamptz not null,
  read_until   timestamptz not null,
  rows_read    bigint not null
)
;
create table if not exists quarantine (
  position        bigint not null,
  event_type      varchar not null,
  aggregate_id    varchar,
  occurred_at     timestamptz,
  payload         varchar,
  reason          varchar not null,
  quarantined_at  timestamptz not null
)
;
create table if not exists dq_run (
  run_id         bigint not null,
  started_at     timestamptz not null,
  high_position  bigint not null,
  passed         integer not null,
  failed         integer not null
)
;
create table if not exists dq_result (
  run_id     bigint not null,
  test_name  varchar not null,
  kind       varchar not null,
  failures   bigint not null,
  sample     varchar
)
;
create sequence if not exists dim_key_seq
;
-- The ids a batch touches, to read and replace their rows in one statement each.
create table if not exists stg_key (
  kind  varchar not null,
  k     varchar not null
)
;

-- Dimensions -------------------------------------------------------------------
create table if not exists dim_date (
  date_key              integer,
  date                  date,
  year                  integer,
  month                 integer,
  month_name            varchar,
  year_month            varchar,
  day_of_month          integer,
  day_of_week           integer,
  day_name              varchar,
  is_weekend            boolean,
  is_bank_holiday       boolean,
  is_working_day        boolean,
  financial_year        varchar,
  financial_year_start  integer,
  financial_quarter     integer
)
;
create table if not exists dim_service (
  service_key      bigint,
  service_code     varchar,
  name             varchar,
  group_name       varchar,
  priority         varchar,
  sla_target       integer,
  sla_unit         varchar,
  active           boolean,
  default_team_id  uuid,
  valid_from       timestamptz,
  valid_to         timestamptz,
  is_current       boolean
)
;
create table if not exists dim_ward (
  ward_key    bigint,
  gss_code    varchar,
  name        varchar,
  valid_from  timestamptz,
  valid_to    timestamptz,
  is_current  boolean
)
;
create table if not exists dim_team (
  team_key    bigint,
  team_id     uuid,
  code        varchar,
  name        varchar,
  valid_from  timestamptz,
  valid_to    timestamptz,
  is_current  boolean
)
;
create table if not exists dim_channel (
  channel_code  varchar,
  label         varchar,
  is_digital    boolean
)
;
create table if not exists dim_status (
  status_code  varchar,
  label        varchar,
  is_active    boolean
)
;
-- A resident is a keyed pseudonym (the first 128 bits of HMAC-SHA256 of the CRM id, as a uuid) and
-- nothing that identifies them.
create table if not exists dim_resident (
  resident_key         uuid,
  ward_code            varchar,
  registered_date_key  integer,
  merged_into          uuid
)
;

-- Facts ------------------------------------------------------------------------
-- Cases and contacts are keys, not the CRM's ids, and a case has no reference: with either, an
-- analyst who can also see the CRM could join a fact (and its resident key) back to a resident.
create table if not exists fact_contact (
  contact_key                uuid,
  position                   bigint,
  occurred_at                timestamptz,
  date_key                   integer,
  channel_code               varchar,
  direction                  varchar,
  outcome                    varchar,
  resolved_at_first_contact  boolean,
  duration_seconds           integer,
  resident_key               uuid,
  case_key                   uuid
)
;
-- Accumulating snapshot: one row per case, updated as it moves through its lifecycle.
create table if not exists fact_case (
  case_key                 uuid,
  service_code             varchar,
  service_key              bigint,
  ward_code                varchar,
  ward_key                 bigint,
  team_id                  uuid,
  team_key                 bigint,
  channel_code             varchar,
  priority                 varchar,
  resident_key             uuid,
  status                   varchar,
  opened_at                timestamptz,
  opened_date_key          integer,
  due_at                   timestamptz,
  due_date_key             integer,
  first_response_at        timestamptz,
  first_response_date_key  integer,
  resolved_at              timestamptz,
  resolved_date_key        integer,
  closed_at                timestamptz,
  closed_date_key          integer,
  sla_breached_at          timestamptz,
  sla_met                  boolean,
  working_days_taken       integer,
  times_reopened           integer,
  last_position            bigint
)
;
create table if not exists fact_case_event (
  position     bigint,
  case_key     uuid,
  changed_at   timestamptz,
  date_key     integer,
  from_status  varchar,
  to_status    varchar,
  reopened     boolean,
  due_at       timestamptz
)
;
-- Periodic snapshot: the active cases at the end of each day the warehouse was loading.
create table if not exists fact_backlog_daily (
  date_key       integer,
  service_code   varchar,
  team_id        uuid,
  ward_code      varchar,
  open_cases     bigint,
  overdue_cases  bigint,
  taken_at       timestamptz
)
;
-- Budget: one row per approved ICT budget line × month of its financial year (Kimball: a periodic
-- snapshot at the month grain). `date_key` is the month's first day; `budget_month` is the grain
-- as one value, for the unique test. `actual_pence` is null until finance records the month's
-- spend (null is "not known yet", 0 is "nothing spent"). From the governance module: its events
-- through the outbox, its state on a rebuild. `position` is empty when read by a rebuild.
create table if not exists fact_budget (
  budget_month    varchar,
  budget_line_id  uuid,
  date_key        integer,
  year_month      varchar,
  financial_year  varchar,
  spend_kind      varchar,
  funding_source  varchar,
  reserve_code    varchar,
  budget_pence    bigint,
  actual_pence    bigint,
  position        bigint
)
;
-- The systems a budget line funds (a line may fund several: a multi-valued dimension), each with
-- its weighting factor, an equal share: a line's weights add up to 1, so money allocated through
-- the bridge is never counted twice.
create table if not exists bridge_budget_system (
  budget_line_id  uuid,
  system_code     varchar,
  weight          decimal(18, 12)
)
;
-- Statutory casework and satisfaction: complaints (one row per stage), requests for information,
-- councillors' enquiries and the satisfaction answers. Their modules publish a record's whole state
-- after each step (complaint.changed, information-request.changed, enquiry.changed; an answer is
-- given once), which replaces the case's rows, and a rebuild reads the same state from the CRM: so
-- applying an event again changes nothing. Keys, clocks and outcomes only: no reference, reason or
-- words. `position` is the event's, empty when read by a rebuild.
create table if not exists fact_complaint_stage (
  stage_key               varchar,
  case_key                uuid,
  stage                   integer,
  about_service_code      varchar,
  started_at              timestamptz,
  started_date_key        integer,
  acknowledge_by          timestamptz,
  acknowledged_at         timestamptz,
  acknowledged_in_time    boolean,
  respond_by              timestamptz,
  first_respond_by        timestamptz,
  extended                boolean,
  responded_at            timestamptz,
  responded_date_key      integer,
  responded_in_time       boolean,
  outcome                 varchar,
  working_days_taken      integer,
  referred_to_ombudsman   boolean,
  position                bigint
)
;
create table if not exists fact_information_request (
  case_key              uuid,
  regime                varchar,
  received_at           timestamptz,
  received_date_key     integer,
  due_by                timestamptz,
  first_due_by          timestamptz,
  clarification_asked   boolean,
  extended              boolean,
  responded_at          timestamptz,
  responded_date_key    integer,
  responded_in_time     boolean,
  outcome               varchar,
  exemptions            varchar,
  published             boolean,
  review_requested_at   timestamptz,
  reviewed_at           timestamptz,
  review_outcome        varchar,
  working_days_taken    integer,
  position              bigint
)
;
create table if not exists fact_enquiry (
  case_key            uuid,
  ward_code           varchar,
  service_code        varchar,
  raised_at           timestamptz,
  raised_date_key     integer,
  due_at              timestamptz,
  responded_at        timestamptz,
  responded_date_key  integer,
  responded_in_time   boolean,
  working_days_taken  integer,
  position            bigint
)
;
-- A satisfaction answer: the case's service and channel are the case's (fact_case).
create table if not exists fact_feedback (
  case_key   uuid,
  score      integer,
  satisfied  boolean,
  given_at   timestamptz,
  date_key   integer,
  position   bigint
)
;
