// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.borough.warehouse.Payloads.bool;
import static org.borough.warehouse.Payloads.codes;
import static org.borough.warehouse.Payloads.financialYear;
import static org.borough.warehouse.Payloads.instant;
import static org.borough.warehouse.Payloads.optionalInstant;
import static org.borough.warehouse.Payloads.optionalText;
import static org.borough.warehouse.Payloads.optionalUuid;
import static org.borough.warehouse.Payloads.pence;
import static org.borough.warehouse.Payloads.status;
import static org.borough.warehouse.Payloads.text;
import static org.borough.warehouse.Payloads.uuid;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.borough.cases.CaseStatus;
import org.borough.governance.FinancialYear;
import org.borough.system.Outbox;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outbox entry read into what the warehouse needs from it. Reading checks every field the
 * warehouse uses, so that applying an event cannot fail half-way: an entry that does not read is
 * quarantined with the reason.
 */
sealed interface LoadedEvent {

  long position();

  record CaseOpen(
      long position,
      UUID caseId,
      String reference,
      String serviceCode,
      UUID residentId,
      String wardCode,
      UUID teamId,
      String channel,
      String priority,
      Instant openedAt,
      Instant dueAt)
      implements LoadedEvent {}

  record StatusChange(
      long position,
      UUID caseId,
      CaseStatus from,
      CaseStatus to,
      Instant at,
      Instant dueAt,
      boolean reopened)
      implements LoadedEvent {}

  record Assignment(long position, UUID caseId, UUID teamId) implements LoadedEvent {}

  record Note(long position, UUID caseId, boolean publicNote, Instant at) implements LoadedEvent {}

  record ResidentChange(long position, UUID caseId, UUID toResident) implements LoadedEvent {}

  record Breach(long position, UUID caseId, Instant detectedAt) implements LoadedEvent {}

  /** A deadline set by hand (a complaint's stage, an extension). */
  record Deadline(long position, UUID caseId, Instant dueAt, Instant at) implements LoadedEvent {}

  /** A case's priority, service or location changed: those details as they are now. */
  record Details(
      long position,
      UUID caseId,
      String serviceCode,
      String priority,
      String wardCode,
      UUID teamId,
      Instant dueAt,
      Instant at)
      implements LoadedEvent {}

  record ContactLog(
      long position,
      UUID contactId,
      UUID residentId,
      UUID caseId,
      String channel,
      String direction,
      String outcome,
      boolean resolvedAtFirstContact,
      Integer durationSeconds,
      Instant occurredAt)
      implements LoadedEvent {}

  record ContactLink(long position, UUID contactId, UUID caseId) implements LoadedEvent {}

  record ResidentSeen(long position, UUID residentId, String wardCode, Instant at)
      implements LoadedEvent {}

  record ResidentMerge(long position, UUID kept, UUID merged) implements LoadedEvent {}

  /** A resident was erased: the warehouse forgets their pseudonym wherever it is. */
  record ResidentErase(long position, UUID residentId) implements LoadedEvent {}

  /** An approved budget line, to spread over the months of its financial year. */
  record BudgetApproval(
      long position,
      UUID budgetLineId,
      FinancialYear financialYear,
      long amountPence,
      String spend,
      String funding,
      String reserveCode,
      List<String> systemCodes)
      implements LoadedEvent {}

  /** An approved budget line reversed: it is no longer budget. */
  record BudgetReversal(long position, UUID budgetLineId) implements LoadedEvent {}

  /** What was spent on a budget line in one month. */
  record BudgetActual(long position, UUID budgetLineId, YearMonth month, long amountPence)
      implements LoadedEvent {}

  /** A complaint as it now stands: its stages replace the case's (CaseworkFacts). */
  record ComplaintState(
      long position,
      UUID caseId,
      String aboutService,
      boolean referred,
      List<ComplaintStageState> stages)
      implements LoadedEvent {}

  record ComplaintStageState(
      int stage,
      Instant startedAt,
      Instant acknowledgeBy,
      Instant acknowledgedAt,
      Instant respondBy,
      Instant firstRespondBy,
      boolean extended,
      Instant respondedAt,
      String outcome) {}

  /** A request for information as it now stands. */
  record RequestState(
      long position,
      UUID caseId,
      String regime,
      Instant receivedAt,
      Instant dueBy,
      Instant firstDueBy,
      boolean clarificationAsked,
      boolean extended,
      Instant respondedAt,
      String outcome,
      List<String> exemptions,
      boolean published,
      Instant reviewRequestedAt,
      Instant reviewedAt,
      String reviewOutcome)
      implements LoadedEvent {}

  /** A councillor's enquiry as it now stands. */
  record EnquiryState(
      long position,
      UUID caseId,
      String wardCode,
      String serviceCode,
      Instant raisedAt,
      Instant dueAt,
      Instant respondedAt)
      implements LoadedEvent {}

  /** A reporter's satisfaction answer about their case (given once). */
  record Feedback(long position, UUID caseId, int score, Instant givenAt) implements LoadedEvent {}

  /** An event about something the warehouse does not model from events; applied as a no-op. */
  record Skipped(long position) implements LoadedEvent {}

  /**
   * Events the warehouse deliberately does not fold into facts; with {@link #HANDLED}, a decision
   * for every event Borough publishes (EventTypesTests checks both). Any other type is quarantined,
   * so a new event is noticed rather than silently dropped.
   */
  Set<String> IGNORED =
      Set.of(
          // Who follows a case and which notifications were sent: nothing the model holds.
          "case.followed.v1",
          "case.notification-sent.v1",
          // A reply's contact arrives as its own contact.logged; the reply itself adds nothing.
          "case.reply-sent.v1",
          // A warning point passed, for staff alerts: the model's SLA measures are met or missed
          // (due_at, resolved_at, breaches); a warning on the way is not one of them.
          "case.sla-at-risk.v1",
          // Money noted, not budgeted: a pressure reaches fact_budget when it is approved.
          "budget-line.pressure-changed.v1",
          // Services and teams reach the dimensions by comparison with the catalogue and the staff
          // directory at each batch; staff are not modelled.
          "service.defined.v1",
          "service.changed.v1",
          "team.changed.v1",
          "staff.changed.v1",
          // Decisions, the forward plan, reserves, ICT systems and Open311 clients are not in the
          // warehouse (a budget line carries its reserve's and systems' codes).
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

  /** Reads one handled event's payload, already known to be a JSON object. */
  @FunctionalInterface
  interface Reader {
    LoadedEvent read(long position, JsonNode payload, Outbox.Entry entry);
  }

  /** Counted apart: an erasure makes the loader clean the warehouse's files as well. */
  String RESIDENT_ERASED = "resident.erased.v1";

  /** The events the warehouse folds into facts, each with how its payload is read. */
  Map<String, Reader> HANDLED =
      Map.ofEntries(
          Map.entry(
              "case.opened.v1",
              (pos, p, e) ->
                  new CaseOpen(
                      pos,
                      uuid(p, "caseId"),
                      text(p, "reference"),
                      text(p, "serviceCode"),
                      optionalUuid(p, "residentId"),
                      optionalText(p, "wardCode"),
                      optionalUuid(p, "teamId"),
                      text(p, "channel"),
                      text(p, "priority"),
                      instant(p, "openedAt"),
                      instant(p, "dueAt"))),
          Map.entry(
              "case.status-changed.v1",
              (pos, p, e) ->
                  new StatusChange(
                      pos,
                      uuid(p, "caseId"),
                      status(p, "from"),
                      status(p, "to"),
                      instant(p, "at"),
                      optionalInstant(p, "dueAt"),
                      bool(p, "reopened"))),
          Map.entry(
              "case.assigned.v1",
              (pos, p, e) -> new Assignment(pos, uuid(p, "caseId"), optionalUuid(p, "teamId"))),
          Map.entry(
              "case.note-added.v1",
              (pos, p, e) ->
                  new Note(pos, uuid(p, "caseId"), bool(p, "publicNote"), instant(p, "at"))),
          Map.entry(
              "case.resident-changed.v1",
              (pos, p, e) ->
                  new ResidentChange(pos, uuid(p, "caseId"), optionalUuid(p, "toResident"))),
          Map.entry(
              "case.deadline-changed.v1",
              (pos, p, e) ->
                  new Deadline(pos, uuid(p, "caseId"), instant(p, "dueAt"), instant(p, "at"))),
          Map.entry(
              "case.details-changed.v1",
              (pos, p, e) ->
                  new Details(
                      pos,
                      uuid(p, "caseId"),
                      text(p, "serviceCode"),
                      text(p, "priority"),
                      optionalText(p, "wardCode"),
                      optionalUuid(p, "teamId"),
                      instant(p, "dueAt"),
                      instant(p, "at"))),
          Map.entry(
              "case.sla-breached.v1",
              (pos, p, e) -> new Breach(pos, uuid(p, "caseId"), instant(p, "detectedAt"))),
          Map.entry("contact.logged.v1", LoadedEvent::contactLog),
          Map.entry(
              "contact.linked-to-case.v1",
              (pos, p, e) -> new ContactLink(pos, uuid(p, "contactId"), uuid(p, "caseId"))),
          Map.entry("resident.registered.v1", LoadedEvent::residentSeen),
          Map.entry("resident.updated.v1", LoadedEvent::residentSeen),
          Map.entry(
              "resident.merged.v1",
              (pos, p, e) -> new ResidentMerge(pos, uuid(p, "kept"), uuid(p, "merged"))),
          Map.entry(RESIDENT_ERASED, (pos, p, e) -> new ResidentErase(pos, uuid(p, "residentId"))),
          Map.entry(
              "budget-line.approved.v1",
              (pos, p, e) ->
                  new BudgetApproval(
                      pos,
                      uuid(p, "budgetLineId"),
                      financialYear(p, "financialYear"),
                      pence(p, "amountPence"),
                      text(p, "spend"),
                      text(p, "funding"),
                      optionalText(p, "reserveCode"),
                      codes(p, "systemCodes"))),
          Map.entry(
              "budget-line.reversed.v1",
              (pos, p, e) -> new BudgetReversal(pos, uuid(p, "budgetLineId"))),
          Map.entry("budget-line.actual-recorded.v1", LoadedEvent::budgetActual),
          Map.entry("complaint.changed.v1", CaseworkFacts::complaint),
          Map.entry("information-request.changed.v1", CaseworkFacts::request),
          Map.entry("enquiry.changed.v1", CaseworkFacts::enquiry),
          Map.entry("case.feedback-given.v1", CaseworkFacts::feedback));

  /** Reads an entry; throws {@link Unreadable} naming the problem. */
  static LoadedEvent read(Outbox.Entry e, JsonMapper json) {
    if (IGNORED.contains(e.eventType())) {
      return new Skipped(e.position());
    }
    Reader reader = HANDLED.get(e.eventType());
    if (reader == null) {
      throw new Unreadable("the warehouse does not know event type " + e.eventType());
    }
    JsonNode p;
    try {
      p = json.readTree(e.payload());
    } catch (JacksonException ex) {
      throw new Unreadable("the payload is not valid JSON");
    }
    if (p == null || !p.isObject()) {
      throw new Unreadable("the payload is not a JSON object");
    }
    return reader.read(e.position(), p, e);
  }

  private static LoadedEvent contactLog(long pos, JsonNode p, Outbox.Entry e) {
    JsonNode duration = p.path("durationSeconds");
    return new ContactLog(
        pos,
        uuid(p, "contactId"),
        optionalUuid(p, "residentId"),
        optionalUuid(p, "caseId"),
        text(p, "channel"),
        text(p, "direction"),
        text(p, "outcome"),
        bool(p, "resolvedAtFirstContact"),
        duration.isNumber() ? duration.asInt() : null,
        instant(p, "occurredAt"));
  }

  private static LoadedEvent residentSeen(long pos, JsonNode p, Outbox.Entry e) {
    return new ResidentSeen(
        pos, uuid(p, "residentId"), optionalText(p, "wardCode"), e.occurredAt());
  }

  private static LoadedEvent budgetActual(long pos, JsonNode p, Outbox.Entry e) {
    String month = text(p, "month");
    try {
      return new BudgetActual(
          pos, uuid(p, "budgetLineId"), YearMonth.parse(month), pence(p, "amountPence"));
    } catch (DateTimeParseException ex) {
      throw new Unreadable("month is not a month like 2017-10: " + month);
    }
  }

  /** Why an event cannot be applied; the event is quarantined with this message. */
  final class Unreadable extends RuntimeException {
    Unreadable(String reason) {
      super(reason);
    }
  }
}
