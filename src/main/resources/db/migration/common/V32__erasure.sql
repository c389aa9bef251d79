-- Erasure (UK GDPR Art. 17, docs/security.md). An erased resident keeps a row with no personal
-- data in it (erased_at set), so that the records that pointed at the person (cases kept as
-- anonymous statistics, the SAR register, the audit) still point at something.
alter table resident add column erased_at timestamp with time zone;

-- A legal hold stops erasure while the council must keep the record (litigation, an
-- investigation, an insurance claim). Lifting a hold keeps the row: who held, why, until when.
create table legal_hold (
  id           uuid primary key,
  resident_id  uuid not null references resident (id),
  reason       varchar(500) not null,
  placed_by    varchar(100) not null,
  placed_at    timestamp with time zone not null,
  lifted_by    varchar(100),
  lifted_at    timestamp with time zone
);
create index legal_hold_resident on legal_hold (resident_id, lifted_at);

-- The register of erasures: what was done, when, by whom and why. The reason is the council's
-- (e.g. "Art. 17 request received 1 December 2026"), not the resident's words.
create table erasure (
  id                   uuid primary key,
  resident_id          uuid not null references resident (id),
  reason               varchar(500) not null,
  erased_by            varchar(100) not null,
  erased_at            timestamp with time zone not null,
  residents_erased     integer not null,
  cases_anonymised     integer not null,
  contacts_anonymised  integer not null
);
create index erasure_resident on erasure (resident_id);
