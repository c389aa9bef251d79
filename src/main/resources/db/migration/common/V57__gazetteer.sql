-- The council's address gazetteer (places.Gazetteer): one row per UPRN, loaded from the council's
-- LLPG or AddressBase file. A UPRN that a later full load no longer holds is retired, not deleted,
-- so that a case or a resident's address that points at it still reads.
create table gazetteer_address (
  uprn            bigint primary key,
  usrn            bigint,
  line1           varchar(200) not null,
  line2           varchar(200),
  town            varchar(100) not null,
  -- normalised "SW1A 1AA"
  postcode        varchar(8) not null,
  latitude        numeric(9, 6) not null,
  longitude       numeric(9, 6) not null,
  easting         numeric(10, 2),
  northing        numeric(10, 2),
  classification  varchar(6),
  ward_code       varchar(9) references ward (gss_code),
  -- SHA-256 of the fields above, so that a re-load tells a changed address from an unchanged one
  -- without comparing every column
  fingerprint     varchar(64) not null,
  loaded_at       timestamp with time zone not null,
  retired_at      timestamp with time zone
);
create index gazetteer_address_postcode on gazetteer_address (postcode);

-- Every word of an address (its lines, town and postcode, upper case), for free-text lookup on H2
-- and PostgreSQL alike: the longest word typed is found by prefix in the primary key, and each other
-- word is checked for that address through the second index.
create table gazetteer_word (
  word  varchar(40) not null,
  uprn  bigint not null references gazetteer_address (uprn),
  primary key (word, uprn)
);
create index gazetteer_word_uprn on gazetteer_word (uprn, word);

-- Each load: who, when, from what, and what it changed (the admin page's history).
create table gazetteer_load (
  id          uuid primary key,
  source      varchar(200) not null,
  full_load   boolean not null,
  loaded_by   varchar(100) not null,
  started_at  timestamp with time zone not null,
  finished_at timestamp with time zone not null,
  added       integer not null,
  changed     integer not null,
  retired     integer not null,
  unchanged   integer not null,
  rejected    integer not null
);
