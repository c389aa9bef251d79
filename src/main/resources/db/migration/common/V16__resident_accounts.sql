-- Resident accounts on the portal (docs/portal.md, ADR 0017).
--
-- Contact preferences live on the resident: whether they want updates about their reports by
-- email and by text. Both default to yes, which is what every resident had before. The
-- "report received" confirmation is sent either way (it answers the resident's own action).
alter table resident add column email_updates boolean default true not null;
alter table resident add column text_updates boolean default true not null;

-- One-time sign-in links. Only a SHA-256 hash of the token is kept, so a copy of the database
-- cannot sign anyone in. A row lives until it is used, replaced by a newer link for the same
-- address, or expires (expired rows are deleted as new links are issued).
create table portal_sign_in_link (
  token_hash  varchar(64) primary key,
  email       varchar(254) not null,
  created_at  timestamp with time zone not null,
  expires_at  timestamp with time zone not null
);
create index portal_sign_in_link_email on portal_sign_in_link (email);
create index portal_sign_in_link_expires on portal_sign_in_link (expires_at);
