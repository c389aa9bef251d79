-- Open311 GeoReport v2: the client applications allowed to post, and what Open311 says about a
-- case or an update that Borough's case tables have no column for (media URLs, the app's ids).

create table open311_client (
  id              uuid primary key,
  name            varchar(50)  not null unique,
  contact         varchar(200) not null,
  jurisdiction_id varchar(100) not null,
  -- SHA-256 (hex) of the API key; the key has 256 random bits, so a fast hash is enough
  key_hash        varchar(64)  not null unique,
  created_at      timestamp with time zone not null,
  created_by      varchar(60)  not null,
  last_used_at    timestamp with time zone,
  revoked_at      timestamp with time zone
);

create table open311_request (
  case_id       uuid primary key references service_case (id),
  reference     varchar(20) not null unique,
  client_id     uuid not null references open311_client (id),
  media_url     varchar(1000),
  device_id     varchar(100),
  account_id    varchar(100),
  address_id    varchar(100),
  submitted_at  timestamp with time zone not null
);

create table open311_update (
  -- the case timeline entry the update became
  update_id         bigint primary key references case_timeline (id),
  client_id         uuid not null references open311_client (id),
  client_update_id  varchar(100),
  media_url         varchar(1000)
);
