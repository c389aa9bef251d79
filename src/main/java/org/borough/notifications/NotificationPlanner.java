// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;
import org.borough.residents.ResidentId;
import org.borough.system.NotFoundException;
import org.borough.system.Outbox;
import org.borough.system.OutboxCursor;
import org.borough.system.OutboxReaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns case events in the outbox into messages to send, one per resident per event, in the sent
 * log. It follows the outbox with an {@link OutboxCursor}: entries after a missing position (a
 * transaction still committing, ADR 0002) are handled at once, the missing one when it appears; the
 * stored cursor stops before it until then or until the gap timeout says it was rolled back.
 */
@Component
class NotificationPlanner {

  /** Templates, one per kind of event a resident hears about. */
  static final String RECEIVED = "RECEIVED";

  static final String STATUS = "STATUS";
  static final String RESOLVED = "RESOLVED";

  /** A member of staff's reply to the reporter: its words are on the case's timeline. */
  static final String REPLY = "REPLY";

  /** Moves residents are told about; opening (triage) and closing a resolved case are not. */
  private static final Set<CaseStatus> TOLD =
      EnumSet.of(
          CaseStatus.IN_PROGRESS,
          CaseStatus.ON_HOLD,
          CaseStatus.RESOLVED,
          CaseStatus.CANCELLED,
          CaseStatus.DUPLICATE);

  /** Its name among the outbox's readers. */
  static final String READER = "notifications";

  private final Outbox outbox;
  private final OutboxReaders readers;
  private final NotificationRepository repository;
  private final CaseManagement cases;
  private final JsonMapper json;
  private final NotificationsProperties properties;
  private final Clock clock;

  /**
   * Where reading has got to, with the gaps passed: in memory, ahead of the stored cursor (its
   * settled position). Null until the first poll and after a rollback: it then starts again from
   * the stored cursor, and the handled-events table skips what was done before.
   */
  private volatile OutboxCursor reading;

  /** When handled events past the cursor are next forgotten (hourly, not at every poll). */
  private volatile Instant nextForget = Instant.MIN;

  NotificationPlanner(
      Outbox outbox,
      OutboxReaders readers,
      NotificationRepository repository,
      CaseManagement cases,
      JsonMapper json,
      NotificationsProperties properties,
      Clock clock) {
    this.outbox = outbox;
    this.readers = readers;
    this.repository = repository;
    this.cases = cases;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Reads the next batch of the outbox, missing positions that have appeared first; returns how
   * many entries it handled. Entries after a gap are handled at once: only the stored cursor waits.
   */
  @Transactional
  public int plan() {
    Instant now = clock.instant();
    long stored = readers.position(READER);
    forgetOnRollback();
    OutboxCursor cursor = reading;
    // Another node may have moved the stored cursor past this one's view: start from it.
    if (cursor == null || cursor.settled() < stored) {
      cursor = OutboxCursor.at(stored);
      reading = cursor;
    }
    OutboxCursor.Read read =
        cursor.read(outbox, properties.batchSize(), properties.gapTimeout(), now);
    for (Outbox.Entry e : read.entries()) {
      apply(e, now);
    }
    if (cursor.settled() > stored) {
      readers.moveTo(READER, cursor.settled());
    }
    if (!now.isBefore(nextForget)) {
      repository.forgetHandled(cursor.settled(), now.minus(java.time.Duration.ofDays(1)));
      nextForget = now.plus(java.time.Duration.ofHours(1));
    }
    return read.entries().size();
  }

  private static final String CASE_OPENED = "case.opened.v1";
  private static final String STATUS_CHANGED = "case.status-changed.v1";
  private static final String REPLY_SENT = "case.reply-sent.v1";

  /** The events that can give a resident a message. */
  static final Set<String> PLANNED = Set.of(CASE_OPENED, STATUS_CHANGED, REPLY_SENT);

  /**
   * Every other event Borough publishes, passed over on purpose: a resident hears of a case when it
   * opens, when its status changes and when staff reply (a complaint's new deadline reaches them in
   * the officer's reply). EventTypesTests checks that the two sets together hold every published
   * event, so a new one is a decision made here.
   */
  static final Set<String> PASSED_OVER =
      Set.of(
          "case.assigned.v1",
          "case.note-added.v1",
          "case.resident-changed.v1",
          "case.deadline-changed.v1",
          "case.details-changed.v1",
          // Staff hear of these as they happen (StaffAlerts, in the SLA watch's transaction).
          "case.sla-at-risk.v1",
          "case.sla-breached.v1",
          "case.followed.v1",
          "case.notification-sent.v1",
          "case.feedback-given.v1",
          // The statutory modules write to the resident themselves at each step (a reply on the
          // case); their whole-record events are for the warehouse.
          "complaint.changed.v1",
          "information-request.changed.v1",
          "enquiry.changed.v1",
          "contact.logged.v1",
          "contact.linked-to-case.v1",
          "resident.registered.v1",
          "resident.updated.v1",
          "resident.merged.v1",
          "resident.erased.v1",
          "service.defined.v1",
          "service.changed.v1",
          "team.changed.v1",
          "staff.changed.v1",
          "budget-line.approved.v1",
          "budget-line.reversed.v1",
          "budget-line.actual-recorded.v1",
          "budget-line.pressure-changed.v1",
          "decision.recorded.v1",
          "decision.published.v1",
          "decision.corrected.v1",
          "decision.superseded.v1",
          "decision.called-in.v1",
          "decision.call-in-decided.v1",
          "forward-plan-notice.published.v1",
          "forward-plan-notice.changed.v1",
          "reserve.moved.v1",
          "ict-system.recorded.v1",
          "open311-client.issued.v1",
          "open311-client.revoked.v1");

  private void apply(Outbox.Entry e, Instant now) {
    // Only these need remembering as handled: passing over any other event twice does nothing, and
    // an insert for each would be two or three more statements for every report a resident makes.
    if (PLANNED.contains(e.eventType())
        && repository.markHandled(e.position(), e.eventType(), now)) {
      handle(e, now);
    }
  }

  /**
   * What was read lives in memory, what was handled in the database: if this transaction does not
   * commit, start again from the cursor (the handled-events table skips what was done before).
   */
  private void forgetOnRollback() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                reading = null;
              }
            }
          });
    }
  }

  // A new kind of event here must be added to PLANNED too, or it is passed over.
  private void handle(Outbox.Entry e, Instant now) {
    switch (e.eventType()) {
      case CASE_OPENED -> {
        JsonNode event = json.readTree(e.payload());
        UUID caseId = UUID.fromString(event.path("caseId").asString());
        String resident = event.path("residentId").asString(null);
        // The reporter as the case has it now, not as the event had it: a reporter erased since
        // (or moved by a merge) is not sent the acknowledgement.
        if (resident != null && !resident.isEmpty()) {
          ResidentId reporter = reporter(caseId);
          if (reporter != null) {
            repository.insert(
                e.position(), caseId, reporter.value(), RECEIVED, CaseStatus.NEW.name(), now);
          }
        }
      }
      case STATUS_CHANGED -> {
        JsonNode event = json.readTree(e.payload());
        CaseStatus to = CaseStatus.valueOf(event.path("to").asString());
        boolean reopened = event.path("reopened").asBoolean();
        if (!TOLD.contains(to) && !reopened) {
          return;
        }
        UUID caseId = UUID.fromString(event.path("caseId").asString());
        String template = to == CaseStatus.RESOLVED ? RESOLVED : STATUS;
        for (ResidentId r : audience(caseId)) {
          repository.insert(e.position(), caseId, r.value(), template, to.name(), now);
        }
      }
      case REPLY_SENT -> {
        JsonNode event = json.readTree(e.payload());
        UUID caseId = UUID.fromString(event.path("caseId").asString());
        // To the reporter the case has now: one erased since is not written to.
        ResidentId reporter = reporter(caseId);
        if (reporter != null) {
          repository.insertReply(
              e.position(), caseId, reporter.value(), event.path("entryId").asLong(), now);
        }
      }
      default -> {
        // Other events are nothing a resident is told about.
      }
    }
  }

  private ResidentId reporter(UUID caseId) {
    try {
      return ServicePrincipal.call(
          NotificationDispatcher.PRINCIPAL,
          EnumSet.of(Permission.CASE_READ),
          () -> cases.audience(new CaseId(caseId)).reporter());
    } catch (NotFoundException gone) {
      return null;
    }
  }

  private List<ResidentId> audience(UUID caseId) {
    try {
      return ServicePrincipal.call(
          NotificationDispatcher.PRINCIPAL,
          EnumSet.of(Permission.CASE_READ),
          () -> cases.audience(new CaseId(caseId)).everyone());
    } catch (NotFoundException gone) {
      return List.of(); // a case that is not there has nobody to tell
    }
  }
}
