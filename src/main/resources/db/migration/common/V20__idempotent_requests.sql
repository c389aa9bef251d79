-- Issue 12: a client that retries a POST after a timeout gets the first answer again instead of a
-- second case. One row per client and key, written in the same transaction as what the request
-- created, so the two commit together or not at all.
create table idempotent_request (
  scope            varchar(100)  not null,  -- who: 'user:<username>' or 'open311:<key hash>'
  idempotency_key  varchar(255)  not null,  -- the client's Idempotency-Key, or 'same:<body hash>'
  request_hash     varchar(64)   not null,  -- SHA-256 of what was posted: a reused key must match
  status           integer       not null,
  content_type     varchar(200),
  location         varchar(500),             -- the Location header of a 201
  body             varchar(200000),
  created_at       timestamp with time zone not null,
  primary key (scope, idempotency_key)
);
create index idempotent_request_age on idempotent_request (created_at);
