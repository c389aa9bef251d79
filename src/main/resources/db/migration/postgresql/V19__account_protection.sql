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
