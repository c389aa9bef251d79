-- Links between a case and a resident that rest on details anyone could type (issue 13).
--
-- A report or a follow made on the portal without signing in, or sent by an Open311 application,
-- names its resident by an email address or a phone number. The case stays linked to that resident
-- (the council can reach them, and they hear about it), but their portal account neither lists nor
-- opens it as theirs until someone proves the address by the link emailed to it. Earlier rows are
-- taken as proven: nothing recorded says otherwise.
alter table service_case add column reporter_unproven boolean default false not null;
alter table case_follower add column unproven boolean default false not null;

-- The emailed links that prove a report's address. Only a SHA-256 hash of the token is kept, so a
-- copy of the database proves nothing. Used rows are deleted; expired ones go as new links are made.
create table portal_report_claim (
  token_hash  varchar(64) primary key,
  reference   varchar(20) not null,
  email       varchar(254) not null,
  created_at  timestamp with time zone not null,
  expires_at  timestamp with time zone not null
);
create index portal_report_claim_expires on portal_report_claim (expires_at);
