-- Failed sign-ins counted per account and per client address (SignInThrottle), in the database so
-- that every node sees them. The key is a SHA-256 of 'account:<username>' or 'address:<ip>': an
-- unknown username is counted like a real one, and a password typed into the username box is not
-- stored readable.
create table sign_in_throttle (
  throttle_key     varchar(64) primary key,
  failures         integer not null,
  last_failure_at  timestamp with time zone not null,
  wait_until       timestamp with time zone
);
create index sign_in_throttle_last_failure on sign_in_throttle (last_failure_at);

-- API tokens always expire, and one an administrator issued for someone else carries who issued
-- it, why, what it may do, and whether its owner has been shown that notice yet. Tokens issued
-- before this change get 90 days from now, so that no integration stops without warning.
alter table api_token add column expires_at timestamp with time zone;
alter table api_token add column issued_by uuid references staff_user (id);
alter table api_token add column reason varchar(500);
-- Permission names the token may use, comma-separated; null means all of its owner's.
alter table api_token add column scopes varchar(1000);
alter table api_token add column owner_notified_at timestamp with time zone;
update api_token set expires_at = current_timestamp + interval '90' day, issued_by = user_id;
alter table api_token alter column expires_at set not null;

-- The audit log is append-only on H2 too. H2's triggers are Java classes: AuditLogAppendOnly refuses
-- UPDATE and DELETE. H2 has no TRUNCATE trigger, but it will not truncate a table that another
-- table references, so an always-empty table references it.
create trigger audit_log_no_change before update, delete on audit_log
  for each row call 'org.borough.audit.web.AuditLogAppendOnly';
create table audit_log_truncate_guard (
  audit_id  bigint references audit_log (id)
);
