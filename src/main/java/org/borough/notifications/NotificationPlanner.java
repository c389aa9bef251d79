// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;
import org.borough.residents.ResidentId;
import org.borough.system.NotFoundException;
import org.borough.system.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns case events in the outbox into messages to send, one per resident per event, in the sent
 * log. Positions are not commit order (ADR 0002): a missing position may be a transaction still
 * committing. Entries after it are handled at once; the missing position is looked for on every
 * poll, and the cursor stops before it until it appears or the gap timeout says it was rolled back.
 * (Reading again from the cursor instead would hold every notification behind one rolled- back
 * transaction for the whole timeout once more than a batch had piled up behind it.)
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

  private final Outbox outbox;
  private final NotificationRepository repository;
  private final CaseManagement cases;
  private final JsonMapper json;
  private final NotificationsProperties properties;
  private final Clock clock;

  /** Missing positions and when they were first seen missing. */
  private final Map<Long, Instant> gaps = new ConcurrentHashMap<>();

  /** The highest position read; everything read after the cursor has been handled. */
  private volatile long readUpTo = -1;

  NotificationPlanner(
      Outbox outbox,
      NotificationRepository repository,
      CaseManagement cases,
      JsonMapper json,
      NotificationsProperties properties,
      Clock clock) {
    this.outbox = outbox;
    this.repository = repository;
    this.cases = cases;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Reads the next batch of the outbox and any missing positions that have appeared since; returns
   * how many new entries it read. Entries after a gap are handled at once: only the cursor waits.
   */
  @Transactional
  public int plan() {
    Instant now = clock.instant();
    long cursor = repository.cursor();
    forgetOnRollback();
    if (readUpTo < cursor) {
      readUpTo = cursor;
    }
    // A missing position may have committed since: one look at each.
    for (Long p : List.copyOf(gaps.keySet())) {
      if (p <= cursor) {
        gaps.remove(p);
        continue;
      }
      for (Outbox.Entry e : outbox.readAfter(p - 1, 1)) {
        if (e.position() == p) {
          gaps.remove(p);
          apply(e, now);
        }
      }
    }
    List<Outbox.Entry> entries = outbox.readAfter(readUpTo, properties.batchSize());
    long expected = readUpTo + 1;
    for (Outbox.Entry e : entries) {
      for (long p = expected; p < e.position(); p++) {
        gaps.putIfAbsent(p, now);
      }
      expected = e.position() + 1;
      apply(e, now);
    }
    if (!entries.isEmpty()) {
      readUpTo = entries.get(entries.size() - 1).position();
    }
    // The cursor moves over what was read, up to the first gap still worth waiting for.
    long safe = cursor;
    while (safe < readUpTo) {
      long p = safe + 1;
      Instant missingSince = gaps.get(p);
      if (missingSince == null) {
        safe = p;
      } else if (missingSince.plus(properties.gapTimeout()).isBefore(now)) {
        gaps.remove(p);
        safe = p;
      } else {
        break;
      }
    }
    if (safe != cursor) {
      repository.moveCursor(safe);
    }
    return entries.size();
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
          "case.sla-breached.v1",
          "case.followed.v1",
          "case.notification-sent.v1",
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
                readUpTo = -1;
                gaps.clear();
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
