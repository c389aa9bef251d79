-- The audit chain and its checkpoints are append-only like the audit log (see V19): the same Java
-- trigger refuses UPDATE and DELETE, and an always-empty table referencing each refuses TRUNCATE.
create trigger audit_chain_no_change before update, delete on audit_chain
  for each row call 'org.borough.audit.web.AuditLogAppendOnly';
create trigger audit_checkpoint_no_change before update, delete on audit_checkpoint
  for each row call 'org.borough.audit.web.AuditLogAppendOnly';
create table audit_checkpoint_truncate_guard (
  seq  bigint references audit_checkpoint (seq)
);
