-- Retention schedules (UK GDPR Art. 5(1)(e), docs/security.md). A case whose personal data has
-- gone — by the retention schedule or because its reporter was erased — is marked, so that the
-- schedule does not take it again and the console can say why its words are missing.
alter table service_case add column anonymised_at timestamp with time zone;

-- Finished cases by when they finished, for the schedule's daily pass.
create index service_case_finished on service_case (status, closed_at);
