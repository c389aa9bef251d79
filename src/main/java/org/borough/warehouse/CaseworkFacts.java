// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.borough.warehouse.Payloads.bool;
import static org.borough.warehouse.Payloads.instant;
import static org.borough.warehouse.Payloads.optionalInstant;
import static org.borough.warehouse.Payloads.optionalText;
import static org.borough.warehouse.Payloads.text;
import static org.borough.warehouse.Payloads.uuid;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.system.Outbox;
import org.borough.system.WorkingCalendar;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import tools.jackson.databind.JsonNode;

/**
 * The statutory casework and satisfaction facts: complaint stages, requests for information,
 * councillors' enquiries and satisfaction answers. Each event carries its record's whole state, so
 * the rows it gives replace the case's rows in its table: the last event of a batch for a case
 * wins, and applying one again (after a rebuild that read the same state) changes nothing. A
 * rebuild reads the modules' records as the events they would publish now, through the same
 * readers, so the two paths cannot disagree on a column.
 */
final class CaseworkFacts {

  /** Each fact's table, by the event that fills it. */
  static final Map<Class<? extends LoadedEvent>, String> TABLES =
      Map.of(
          LoadedEvent.ComplaintState.class, "fact_complaint_stage",
          LoadedEvent.RequestState.class, "fact_information_request",
          LoadedEvent.EnquiryState.class, "fact_enquiry",
          LoadedEvent.Feedback.class, "fact_feedback");

  private final ZoneId zone;
  private final WorkingCalendar calendar;

  /** Per table, the rows of each case the batch replaces. */
  private final Map<String, Map<UUID, List<Object[]>>> replaced = new LinkedHashMap<>();

  CaseworkFacts(WorkingCalendar calendar) {
    this.calendar = calendar;
    this.zone = calendar.zone();
  }

  static boolean handles(LoadedEvent e) {
    return TABLES.containsKey(e.getClass());
  }

  /** The CRM's id of the case a casework event is about. */
  static UUID caseOf(LoadedEvent e) {
    if (e instanceof LoadedEvent.ComplaintState c) {
      return c.caseId();
    } else if (e instanceof LoadedEvent.RequestState r) {
      return r.caseId();
    } else if (e instanceof LoadedEvent.EnquiryState q) {
      return q.caseId();
    } else if (e instanceof LoadedEvent.Feedback f) {
      return f.caseId();
    }
    throw new IllegalArgumentException("Not a casework fact: " + e);
  }

  /** Folds an event in: its rows replace whatever the batch had for the case in its table. */
  void fold(LoadedEvent e, UUID caseKey) {
    replaced
        .computeIfAbsent(TABLES.get(e.getClass()), t -> new LinkedHashMap<>())
        .put(caseKey, rows(e, caseKey, e.position()));
  }

  /** Deletes the cases' old rows and appends the new ones, table by table. */
  void write(DuckDBConnection c) throws SQLException {
    for (Map.Entry<String, Map<UUID, List<Object[]>>> t : replaced.entrySet()) {
      try (PreparedStatement delete =
          c.prepareStatement("delete from " + t.getKey() + " where case_key = ?")) {
        for (UUID key : t.getValue().keySet()) {
          delete.setObject(1, key);
          delete.addBatch();
        }
        delete.executeBatch();
      }
      try (DuckDBAppender a = c.createAppender(t.getKey())) {
        for (List<Object[]> rows : t.getValue().values()) {
          for (Object[] row : rows) {
            Rows.append(a, row);
          }
        }
      }
    }
  }

  /** The rows of a case's record; {@code position} is null when read by a rebuild. */
  List<Object[]> rows(LoadedEvent e, UUID caseKey, Long position) {
    List<Object[]> rows = new ArrayList<>();
    if (e instanceof LoadedEvent.ComplaintState c) {
      for (LoadedEvent.ComplaintStageState s : c.stages()) {
        rows.add(
            new Object[] {
              caseKey + "/" + s.stage(),
              caseKey,
              s.stage(),
              c.aboutService(),
              s.startedAt(),
              Rows.dateKey(s.startedAt(), zone),
              s.acknowledgeBy(),
              s.acknowledgedAt(),
              byDeadline(s.acknowledgedAt(), s.acknowledgeBy()),
              s.respondBy(),
              s.firstRespondBy(),
              s.extended(),
              s.respondedAt(),
              Rows.dateKey(s.respondedAt(), zone),
              byDeadline(s.respondedAt(), s.respondBy()),
              s.outcome(),
              workingDays(s.startedAt(), s.respondedAt()),
              c.referred(),
              position
            });
      }
    } else if (e instanceof LoadedEvent.RequestState r) {
      rows.add(
          new Object[] {
            caseKey,
            r.regime(),
            r.receivedAt(),
            Rows.dateKey(r.receivedAt(), zone),
            r.dueBy(),
            r.firstDueBy(),
            r.clarificationAsked(),
            r.extended(),
            r.respondedAt(),
            Rows.dateKey(r.respondedAt(), zone),
            byDeadline(r.respondedAt(), r.dueBy()),
            r.outcome(),
            r.exemptions().isEmpty() ? null : String.join(",", r.exemptions()),
            r.published(),
            r.reviewRequestedAt(),
            r.reviewedAt(),
            r.reviewOutcome(),
            workingDays(r.receivedAt(), r.respondedAt()),
            position
          });
    } else if (e instanceof LoadedEvent.EnquiryState q) {
      rows.add(
          new Object[] {
            caseKey,
            q.wardCode(),
            q.serviceCode(),
            q.raisedAt(),
            Rows.dateKey(q.raisedAt(), zone),
            q.dueAt(),
            q.respondedAt(),
            Rows.dateKey(q.respondedAt(), zone),
            byDeadline(q.respondedAt(), q.dueAt()),
            workingDays(q.raisedAt(), q.respondedAt()),
            position
          });
    } else if (e instanceof LoadedEvent.Feedback f) {
      rows.add(
          new Object[] {
            caseKey,
            f.score(),
            f.score() >= 4, // satisfied or very satisfied, as the satisfaction report counts
            f.givenAt(),
            Rows.dateKey(f.givenAt(), zone),
            position
          });
    } else {
      throw new IllegalArgumentException("Not a casework fact: " + e);
    }
    return rows;
  }

  /** Whether something done was done by its deadline; null while not done or with no deadline. */
  private static Boolean byDeadline(Instant done, Instant deadline) {
    return done == null || deadline == null ? null : !done.isAfter(deadline);
  }

  private Integer workingDays(Instant from, Instant to) {
    return to == null
        ? null
        : calendar.workingDaysBetween(DateKeys.of(zone).date(from), DateKeys.of(zone).date(to));
  }

  // Readers of the events' payloads (LoadedEvent.HANDLED) -----------------------------------------

  static LoadedEvent complaint(long pos, JsonNode p, Outbox.Entry e) {
    JsonNode stages = p.path("stages");
    if (!stages.isArray() || stages.isEmpty()) {
      throw new LoadedEvent.Unreadable("stages is missing or empty");
    }
    List<LoadedEvent.ComplaintStageState> read = new ArrayList<>();
    for (JsonNode s : stages) {
      JsonNode number = s.path("stage");
      if (!number.isIntegralNumber() || number.asInt() < 1) {
        throw new LoadedEvent.Unreadable("a stage has no stage number");
      }
      read.add(
          new LoadedEvent.ComplaintStageState(
              number.asInt(),
              instant(s, "startedAt"),
              instant(s, "acknowledgeBy"),
              optionalInstant(s, "acknowledgedAt"),
              instant(s, "respondBy"),
              instant(s, "firstRespondBy"),
              bool(s, "extended"),
              optionalInstant(s, "respondedAt"),
              optionalText(s, "outcome")));
    }
    return new LoadedEvent.ComplaintState(
        pos,
        uuid(p, "caseId"),
        optionalText(p, "aboutService"),
        bool(p, "referredToOmbudsman"),
        List.copyOf(read));
  }

  static LoadedEvent request(long pos, JsonNode p, Outbox.Entry e) {
    List<String> exemptions = new ArrayList<>();
    for (JsonNode x : p.path("exemptions")) {
      exemptions.add(x.asString());
    }
    return new LoadedEvent.RequestState(
        pos,
        uuid(p, "caseId"),
        text(p, "regime"),
        instant(p, "receivedAt"),
        instant(p, "dueBy"),
        instant(p, "firstDueBy"),
        bool(p, "clarificationAsked"),
        bool(p, "extended"),
        optionalInstant(p, "respondedAt"),
        optionalText(p, "outcome"),
        List.copyOf(exemptions),
        bool(p, "published"),
        optionalInstant(p, "reviewRequestedAt"),
        optionalInstant(p, "reviewedAt"),
        optionalText(p, "reviewOutcome"));
  }

  static LoadedEvent enquiry(long pos, JsonNode p, Outbox.Entry e) {
    return new LoadedEvent.EnquiryState(
        pos,
        uuid(p, "caseId"),
        text(p, "wardCode"),
        text(p, "serviceCode"),
        instant(p, "raisedAt"),
        optionalInstant(p, "dueAt"),
        optionalInstant(p, "respondedAt"));
  }

  static LoadedEvent feedback(long pos, JsonNode p, Outbox.Entry e) {
    JsonNode rating = p.path("rating");
    if (!rating.isIntegralNumber() || rating.asInt() < 1 || rating.asInt() > 5) {
      throw new LoadedEvent.Unreadable("rating is missing or not 1 to 5");
    }
    return new LoadedEvent.Feedback(pos, uuid(p, "caseId"), rating.asInt(), instant(p, "givenAt"));
  }
}
