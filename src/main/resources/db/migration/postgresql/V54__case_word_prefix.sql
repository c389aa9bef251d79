-- PostgreSQL: LIKE 'word%' uses a btree only with pattern ops (the database collation is not C),
-- as for resident names in V2. Without them, Find a case read every case newest first and probed
-- each one's words: 5 s for one word at 2M cases. H2 uses its plain indexes for LIKE 'word%', so
-- it has no V54.
-- The primary key becomes a unique index the prefix search can use.
alter table case_word drop constraint case_word_pkey;
create unique index case_word_prefix on case_word (word varchar_pattern_ops, case_id);
-- A case's other words are checked on this one without reading the table ('high road': the cases
-- starting 'high…' are tested for 'road…' here).
drop index case_word_case;
create index case_word_case on case_word (case_id, word varchar_pattern_ops);
-- Street names and common words repeat across millions of rows: a finer estimate of how many
-- start with a prefix lets the planner choose between reading the index and reading newest first.
alter table case_word alter column word set statistics 1000;
analyze case_word;
