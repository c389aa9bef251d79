-- Complaints (issue 15). A service's cases are requests or complaints; a complaint is a case of a
-- complaint service with the stages of the Ombudsman complaint handling codes kept beside it: when
-- each stage began, its acknowledgement and response deadlines (working days), an extension with
-- its reason, the response and its outcome. The case keeps the words, the resident and the
-- timeline; these tables keep the clocks and what the annual performance report counts.
alter table service add column case_type varchar(20) default 'REQUEST' not null;

create table complaint (
  case_id               uuid primary key references service_case (id),
  reference             varchar(20) not null,
  received_at           timestamp with time zone not null,
  -- the service the complaint is about: that of the first case linked to it, for the report
  about_service         varchar(40),
  ombudsman             varchar(20),
  ombudsman_referred_on date,
  ombudsman_reference   varchar(60)
);

create table complaint_stage (
  case_id             uuid not null references complaint (case_id),
  stage               smallint not null,
  started_at          timestamp with time zone not null,
  acknowledge_by      timestamp with time zone not null,
  acknowledged_at     timestamp with time zone,
  respond_by          timestamp with time zone not null,
  first_respond_by    timestamp with time zone not null,
  extension_reason    varchar(1000),
  responded_at        timestamp with time zone,
  outcome             varchar(20),
  primary key (case_id, stage)
);
create index complaint_stage_started on complaint_stage (started_at);
create index complaint_stage_open on complaint_stage (responded_at, respond_by);

-- The service cases a complaint is about.
create table complaint_link (
  case_id        uuid not null references complaint (case_id),
  linked_case_id uuid not null references service_case (id),
  linked_reference varchar(20) not null,
  primary key (case_id, linked_case_id)
);
