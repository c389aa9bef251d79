-- PostgreSQL only.
-- search_name is normalised ASCII ("smith jane"), so byte order is the right order: with the C
-- collation one plain btree serves both LIKE 'prefix%' and ORDER BY search_name, id, so a name
-- search reads its page straight off the index instead of sorting every match.
drop index resident_search_name;
alter table resident alter column search_name type varchar(201) collate "C";
create index resident_search_name on resident (search_name, id);

-- Queues read only active cases, most urgent first: partial indexes in exactly that order.
create index service_case_active_team on service_case (team_id, due_at, id)
  where status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD');
create index service_case_active_officer on service_case (officer_id, due_at, id)
  where status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD');
-- The SLA watch looks every minute for running clocks past due that are not yet marked.
create index service_case_breach_candidates on service_case (due_at)
  where status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD')
    and sla_paused_at is null and sla_breached_at is null;
