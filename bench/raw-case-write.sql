-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The raw write limit of issue 12 ("Speed, side by side"), run by bench/ratio.sh with pgbench:
-- one case row, its outbox row and its audit row in one transaction, into Borough's own tables
-- (so the same columns, indexes, foreign keys and sequence), as Borough writes them for
-- POST /api/v1/cases. Variables from pgbench -D: service, team (the service's default team),
-- resident. The case id is made from two random numbers, as a UUID. The outbox rows go to
-- raw_outbox_event, a copy of outbox_event made by bench/ratio.sh (same columns, identity and
-- indexes): in outbox_event itself the idle server's notification planner would read every one of
-- them while pgbench runs, taking CPU from the side being measured.
\set a random(1, 9223372036854775806)
\set b random(1, 9223372036854775806)
BEGIN;
INSERT INTO service_case (id, reference, service_code, resident_id, description, priority, status,
    team_id, channel, opened_at, due_at, sla_risk_at, times_reopened, updated_at, version)
  VALUES ((lpad(to_hex(:a::bigint), 16, '0') || lpad(to_hex(:b::bigint), 16, '0'))::uuid,
    'BR-2026-' || lpad(nextval('case_reference_seq')::text, 6, '0'), :service, :resident::uuid,
    'Benchmark case ' || :a || ': raw write reported by phone', 'MEDIUM', 'NEW', :team::uuid,
    'PHONE', now(), now() + interval '5 days', now() + interval '4 days', 0, now(), 0);
INSERT INTO raw_outbox_event (event_type, aggregate_type, aggregate_id, occurred_at, payload)
  VALUES ('RawCaseOpened', 'case',
    ((lpad(to_hex(:a::bigint), 16, '0') || lpad(to_hex(:b::bigint), 16, '0'))::uuid)::text, now(),
    json_build_object('caseId', (lpad(to_hex(:a::bigint), 16, '0') || lpad(to_hex(:b::bigint), 16, '0'))::uuid,
      'reference', 'BR-2026-' || lpad(currval('case_reference_seq')::text, 6, '0'),
      'serviceCode', :service::text, 'residentId', :resident::text, 'wardCode', null,
      'teamId', :team::text,
      'channel', 'PHONE', 'priority', 'MEDIUM', 'openedAt', now(),
      'dueAt', now() + interval '5 days', 'contactId', null)::text);
INSERT INTO audit_log (at, actor, action, subject_type, subject_id, detail, remote_address)
  VALUES (now(), 'supervisor', 'CREATE', 'case',
    ((lpad(to_hex(:a::bigint), 16, '0') || lpad(to_hex(:b::bigint), 16, '0'))::uuid)::text,
    'BR-2026-' || lpad(currval('case_reference_seq')::text, 6, '0'), '127.0.0.1');
END;
