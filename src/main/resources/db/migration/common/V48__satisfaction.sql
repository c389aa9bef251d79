-- Satisfaction (satisfaction module): the one-question survey a reporter is sent when their case
-- is resolved. An invitation is a link's token, kept only as its SHA-256 hash, for 30 days; an
-- answer is a rating per case with the case's service and channel, for the report and the
-- warehouse. A comment is written on the case's timeline as a staff-only note, not here, so that
-- it is erased and kept as the case is.
create table feedback_invite (
  token_hash    varchar(64) primary key,
  case_id       uuid not null references service_case (id),
  reference     varchar(20) not null,
  service_name  varchar(120) not null,
  created_at    timestamp with time zone not null,
  expires_at    timestamp with time zone not null
);

create index feedback_invite_case on feedback_invite (case_id);
create index feedback_invite_expiry on feedback_invite (expires_at);

create table case_feedback (
  case_id       uuid primary key references service_case (id),
  rating        smallint not null,
  service_code  varchar(40) not null,
  channel       varchar(20) not null,
  given_at      timestamp with time zone not null
);

create index case_feedback_given on case_feedback (given_at);
