-- The data protection officer's role and the register of subject access requests (UK GDPR Art. 15, docs/security.md): when each
-- arrived, the statutory deadline (one calendar month, moved to the next working day when it
-- falls on a weekend or bank holiday), when the pack was made and when the council answered.
-- who_asked says how the request came and from whom ("the resident, by email"); it is personal
-- data and goes when the resident is erased.
create table subject_access_request (
  id            uuid primary key,
  resident_id   uuid not null references resident (id),
  received_on   date not null,
  due_on        date not null,
  who_asked     varchar(200) not null,
  recorded_by   varchar(100) not null,
  recorded_at   timestamp with time zone not null,
  pack_made_at  timestamp with time zone,
  responded_on  date,
  responded_by  varchar(100)
);
create index subject_access_request_resident on subject_access_request (resident_id);
create index subject_access_request_due on subject_access_request (responded_on, due_on);

-- Room for the data protection officer's role name (23 characters).
alter table user_role alter column role set data type varchar(40);
