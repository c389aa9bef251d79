-- PostgreSQL: LIKE 'prefix%' uses a btree only with pattern ops (the database collation is not C).
create index resident_search_name on resident (search_name varchar_pattern_ops, id);
-- The audit log is append-only: no update or delete, whoever asks.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
