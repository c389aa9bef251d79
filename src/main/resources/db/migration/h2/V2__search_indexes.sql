-- H2 uses an ordinary index for LIKE 'prefix%'. The audit log's append-only trigger is
-- PostgreSQL-only: H2 triggers are Java classes; the application never updates that table.
create index resident_search_name on resident (search_name, id);
