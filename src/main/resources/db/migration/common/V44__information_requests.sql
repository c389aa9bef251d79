-- Requests for information (issue 15): cases of an FOI or EIR service, answered within 20 working
-- days of receipt (FOI s.10, EIR reg 5), or of the clarification the council asked for (s.1(3),
-- reg 9(4)), extended with a reason (FOI s.10(3) public interest test; EIR reg 7 complex and
-- voluminous), with the exemptions or exceptions applied, and an internal review. A response the
-- officer publishes goes on the public disclosure log with a title that names no one.
create table information_request (
  case_id                 uuid primary key references service_case (id),
  reference               varchar(20) not null,
  regime                  varchar(3) not null,
  received_at             timestamp with time zone not null,
  due_by                  timestamp with time zone not null,
  first_due_by            timestamp with time zone not null,
  clarification_asked_at  timestamp with time zone,
  clarified_at            timestamp with time zone,
  extension_reason        varchar(1000),
  responded_at            timestamp with time zone,
  outcome                 varchar(20),
  exemptions              varchar(400),
  log_title               varchar(200),
  log_text                varchar(4000),
  review_requested_at     timestamp with time zone,
  review_due_by           timestamp with time zone,
  reviewed_at             timestamp with time zone,
  review_outcome          varchar(20)
);
create index information_request_due on information_request (responded_at, due_by);
create index information_request_responded on information_request (responded_at);
