-- The audit log's seal (audit.web.AuditChain). Entries are chained in the order they were sealed:
-- each link's hash is a SHA-256 over the previous link's hash and the entry's canonical form, so an
-- entry altered, removed or moved after it was sealed breaks the chain at that entry. Sealing runs
-- after the entries commit (a chain built inside each writing transaction would make every
-- transaction that records an audit entry wait for the one before it to commit).
create table audit_chain (
  seq            bigint primary key,
  audit_id       bigint not null unique references audit_log (id),
  previous_hash  varchar(64) not null,
  entry_hash     varchar(64) not null
);

-- Signed checkpoints: an HMAC-SHA256 of a link's seq and hash under a key kept outside the database
-- (BOROUGH_AUDIT_CHECKPOINT_KEY, or <data dir>/audit-checkpoint.key). Someone able to rewrite the
-- chain from some entry on, hashes and all, cannot make the checkpoints after it match.
create table audit_checkpoint (
  seq        bigint primary key references audit_chain (seq),
  at         timestamp with time zone not null,
  signature  varchar(64) not null
);

-- One row, locked by whoever seals, so that two nodes (or a scheduled run and a verification)
-- never seal at once.
create table audit_seal_lock (
  id  integer primary key
);
insert into audit_seal_lock (id) values (1);

-- The DPO's search by date range.
create index audit_log_at on audit_log (at, id);
