-- The audit chain and its checkpoints are append-only like the audit log: no update, delete or
-- truncate, whoever asks (the table owner included; a superuser can still drop the trigger, which
-- the chain and the checkpoints' signatures then show).
create function append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', TG_TABLE_NAME;
end $$;
create trigger audit_chain_no_change before update or delete on audit_chain
  for each row execute function append_only();
create trigger audit_chain_no_truncate before truncate on audit_chain
  for each statement execute function append_only();
create trigger audit_checkpoint_no_change before update or delete on audit_checkpoint
  for each row execute function append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
  for each statement execute function append_only();
