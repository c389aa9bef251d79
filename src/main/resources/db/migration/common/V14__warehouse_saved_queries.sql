-- Warehouse: analysts' saved SQL queries over the warehouse (the SQL page). They live in the CRM's
-- database, not in the DuckDB file, because the warehouse is derived data that a rebuild replaces.
-- Every analyst sees every saved query; only its owner changes it (an admin may also delete it).
create table warehouse_saved_query (
  id           uuid primary key,
  name         varchar(100)   not null,
  description  varchar(1000),
  query_text   varchar(20000) not null,
  owner        varchar(60)    not null,
  version      integer not null,
  created_at   timestamp with time zone not null,
  updated_at   timestamp with time zone not null
);
create unique index warehouse_saved_query_name on warehouse_saved_query (name);
