-- Events are stored under declared names (org.borough.system.EventType), not Java class names:
-- renaming a class must not stop the notifications and warehouse facts that follow its events.
-- Rows written before this migration carry the class's simple name; each becomes its declared
-- name at version 1. A later rename of a stored name needs a migration like this one.

create table event_type_name (
  class_name  varchar(100) primary key,
  stored_name varchar(100) not null
);

insert into event_type_name (class_name, stored_name) values
  ('BudgetActualRecorded', 'budget-line.actual-recorded.v1'),
  ('BudgetLineApproved', 'budget-line.approved.v1'),
  ('BudgetLineReversed', 'budget-line.reversed.v1'),
  ('BudgetPressureChanged', 'budget-line.pressure-changed.v1'),
  ('CaseAssigned', 'case.assigned.v1'),
  ('CaseDeadlineChanged', 'case.deadline-changed.v1'),
  ('CaseFollowed', 'case.followed.v1'),
  ('CaseNoteAdded', 'case.note-added.v1'),
  ('CaseOpened', 'case.opened.v1'),
  ('CaseReplySent', 'case.reply-sent.v1'),
  ('CaseResidentChanged', 'case.resident-changed.v1'),
  ('CaseStatusChanged', 'case.status-changed.v1'),
  ('ContactLinkedToCase', 'contact.linked-to-case.v1'),
  ('ContactLogged', 'contact.logged.v1'),
  ('DecisionCallInDecided', 'decision.call-in-decided.v1'),
  ('DecisionCalledIn', 'decision.called-in.v1'),
  ('DecisionCorrected', 'decision.corrected.v1'),
  ('DecisionPublished', 'decision.published.v1'),
  ('DecisionRecorded', 'decision.recorded.v1'),
  ('DecisionSuperseded', 'decision.superseded.v1'),
  ('ForwardPlanNoticeChanged', 'forward-plan-notice.changed.v1'),
  ('ForwardPlanNoticePublished', 'forward-plan-notice.published.v1'),
  ('IctSystemRecorded', 'ict-system.recorded.v1'),
  ('NotificationSent', 'case.notification-sent.v1'),
  ('Open311ClientIssued', 'open311-client.issued.v1'),
  ('Open311ClientRevoked', 'open311-client.revoked.v1'),
  ('ReserveMoved', 'reserve.moved.v1'),
  ('ResidentErased', 'resident.erased.v1'),
  ('ResidentRegistered', 'resident.registered.v1'),
  ('ResidentUpdated', 'resident.updated.v1'),
  ('ResidentsMerged', 'resident.merged.v1'),
  ('ServiceChanged', 'service.changed.v1'),
  ('ServiceDefined', 'service.defined.v1'),
  ('SlaBreached', 'case.sla-breached.v1'),
  ('StaffChanged', 'staff.changed.v1'),
  ('TeamChanged', 'team.changed.v1');

update outbox_event set event_type =
  (select stored_name from event_type_name where class_name = outbox_event.event_type)
where event_type in (select class_name from event_type_name);

update notification_event set event_type =
  (select stored_name from event_type_name where class_name = notification_event.event_type)
where event_type in (select class_name from event_type_name);

drop table event_type_name;
