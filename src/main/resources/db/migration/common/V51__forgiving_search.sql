-- Forgiving search (ADR 0024). Residents keep how their names sound beside them; V52 fills the
-- keys of residents registered before this migration.
alter table resident add column surname_sound varchar(8) not null default '';
alter table resident add column surname_soundex varchar(4) not null default '';
alter table resident add column forename_sound varchar(8) not null default '';
-- Equality on the surname's key, then in order of forename key and name: a search for 'jon smyth'
-- reads one range, and one for 'smyth' stops after the rows it wants, without a sort.
create index resident_surname_sound
  on resident (surname_sound, forename_sound, search_name, id);
create index resident_surname_soundex
  on resident (surname_soundex, forename_sound, search_name, id);

-- Each word of a case's reference, description and address, and its postcode with and without the
-- space, written with the case. A search matches the start of words; a case must match them all.
create table case_word (
  word     varchar(30) not null,
  case_id  uuid not null,
  primary key (word, case_id)
);
-- A case's words are replaced when its address changes or it is anonymised.
create index case_word_case on case_word (case_id);
