-- PostgreSQL: LIKE 'word%' uses a btree only with pattern ops (the database collation is not C),
-- as for resident names in V2. Without it, Find a case read every case newest first and probed
-- each one's words: 5 s for one word at 2M cases. The primary key becomes this unique index. H2
-- compares with LIKE on the primary key as it is, so it has no V54.
alter table case_word drop constraint case_word_pkey;
create unique index case_word_prefix on case_word (word varchar_pattern_ops, case_id);
