-- Issue 14 (ASVS V6.3.3, V6.5, V6.6): staff prove a second factor with an authenticator app (RFC 6238
-- codes) or one of ten single-use recovery codes.
--
-- The app's shared secret must be readable to check a code, so it is stored as it is (like the
-- password hash, only the application's database role reads it; it never leaves in logs, exports or
-- the warehouse). last_step is the newest 30-second step whose code was accepted: a code is taken
-- only for a later step, so one seen over a shoulder or replayed is refused, on every node.
create table staff_authenticator (
  user_id     uuid primary key references staff_user (id),
  secret      varchar(64) not null,
  last_step   bigint not null,
  enrolled_at timestamp with time zone not null
);

-- Only a SHA-256 of each recovery code (80 random bits, so no salt or slow hash is needed); a used
-- one keeps its row with used_at set, so the page can say how many are left.
create table staff_recovery_code (
  user_id   uuid not null references staff_user (id),
  code_hash varchar(64) not null,
  used_at   timestamp with time zone,
  primary key (user_id, code_hash)
);
