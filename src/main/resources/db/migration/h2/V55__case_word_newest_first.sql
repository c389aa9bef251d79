-- Each case word carries its case's opening time (never changed once set), so the cases of one
-- word are read newest first straight off the index and a search stops at a page (ADR 0024).
-- PostgreSQL builds the table anew (its V55); here the rows are few enough to update.
delete from case_word w where not exists (select 1 from service_case c where c.id = w.case_id);
alter table case_word add column opened_at timestamp with time zone;
update case_word w set opened_at = (select c.opened_at from service_case c where c.id = w.case_id);
alter table case_word alter column opened_at set not null;
alter table case_word drop primary key;
create unique index case_word_newest on case_word (word, opened_at desc, case_id desc);
-- A case's other words are checked on this one, as on PostgreSQL.
drop index case_word_case;
create index case_word_case on case_word (case_id, word);
