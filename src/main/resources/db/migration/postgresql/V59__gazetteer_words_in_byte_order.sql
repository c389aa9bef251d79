-- Gazetteer words compare byte by byte (collation "C"), so that a prefix search (word like 'ACAC%')
-- can range over the primary key's index. Under the database's language collation PostgreSQL
-- cannot use a plain index for LIKE, and a lookup at 500,000 addresses took seconds
-- (bench/gazetteer.sh). The words are upper-case letters and digits: byte order is their order.
alter table gazetteer_word alter column word type varchar(40) collate "C";
