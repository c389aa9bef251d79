// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.borough.system.Outbox;
import org.borough.system.WorkingCalendar;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a batch of outbox entries to the facts inside the caller's DuckDB transaction. The rows a
 * batch touches are read once, the events folded into them in position order in memory, and the
 * rows written back with the Appender (delete and append, the warehouse's upsert), so a batch of
 * thousands of events costs a handful of statements.
 */
final class BatchApplier {

  private final Pseudonyms pseudonyms;
  private final WorkingCalendar calendar;
  private final ZoneId zone;
  private final JsonMapper json;

  BatchApplier(Pseudonyms pseudonyms, WorkingCalendar calendar, JsonMapper json) {
    this.pseudonyms = pseudonyms;
    this.calendar = calendar;
    this.zone = calendar.zone();
    this.json = json;
  }

  ZoneId zone() {
    return zone;
  }

  /** An event set aside, with why. */
  record Quarantined(Outbox.Entry entry, String reason) {}

  /** Applies the entries and returns those that could not be applied. */
  List<Quarantined> apply(DuckDBConnection c, List<Outbox.Entry> entries, Dimensions.Keys keys)
      throws SQLException {
    return apply(c, entries, keys, null);
  }

  /**
   * Applies the entries and returns those that could not be applied.
   *
   * @param snapshot where the last rebuild from the CRM's state started the loader, or null: an
   *     event that occurred before its reading ended may already be in the rows it wrote, and is
   *     then applied as a no-op rather than twice
   */
  List<Quarantined> apply(
      DuckDBConnection c,
      List<Outbox.Entry> entries,
      Dimensions.Keys keys,
      CrmSnapshot.Mark snapshot)
      throws SQLException {
    List<Quarantined> quarantined = new ArrayList<>();
    List<LoadedEvent> events = new ArrayList<>();
    Map<Long, Outbox.Entry> byPosition = new LinkedHashMap<>();
    for (Outbox.Entry e : entries) {
      byPosition.put(e.position(), e);
      try {
        events.add(LoadedEvent.read(e, json));
      } catch (LoadedEvent.Unreadable ex) {
        quarantined.add(new Quarantined(e, ex.getMessage()));
      }
    }
    if (events.isEmpty()) {
      return quarantined;
    }
    // Facts hold cases and contacts by their keys, never the CRM's ids (Pseudonyms).
    Set<String> caseKeys = new LinkedHashSet<>();
    Set<String> contactKeys = new LinkedHashSet<>();
    Set<String> residentKeys = new LinkedHashSet<>();
    Set<UUID> budgetLines = new LinkedHashSet<>();
    for (LoadedEvent e : events) {
      if (BudgetFacts.lineOf(e) != null) {
        budgetLines.add(BudgetFacts.lineOf(e));
      } else if (e instanceof LoadedEvent.CaseOpen o) {
        caseKeys.add(pseudonyms.ofCase(o.caseId()).toString());
      } else if (caseOf(e) != null) {
        caseKeys.add(pseudonyms.ofCase(caseOf(e)).toString());
      } else if (e instanceof LoadedEvent.ContactLog l) {
        contactKeys.add(pseudonyms.ofContact(l.contactId()).toString());
      } else if (e instanceof LoadedEvent.ContactLink l) {
        contactKeys.add(pseudonyms.ofContact(l.contactId()).toString());
      } else if (e instanceof LoadedEvent.ResidentSeen r) {
        residentKeys.add(pseudonyms.of(r.residentId()).toString());
      } else if (e instanceof LoadedEvent.ResidentMerge m) {
        residentKeys.add(pseudonyms.of(m.merged()).toString());
      }
    }
    stageKeys(c, caseKeys, contactKeys, residentKeys, budgetLines);
    Map<UUID, CaseFact> cases = readCases(c);
    BudgetFacts budget = BudgetFacts.read(c, budgetLines);
    Map<UUID, Object[]> contacts = readRows(c, "fact_contact", "contact_key", "contact");
    Map<UUID, Object[]> residents = readResidents(c);
    List<Object[]> statusRows = new ArrayList<>();
    boolean overlap =
        snapshot != null
            && entries.stream().anyMatch(e -> e.occurredAt().isBefore(snapshot.readUntil()));
    Reflected reflected =
        new Reflected(
            snapshot == null ? 0 : snapshot.position(),
            overlap ? readSnapshotStatusChanges(c) : Set.of());

    List<UUID> erased = new ArrayList<>();
    CaseworkFacts casework = new CaseworkFacts(calendar);
    for (LoadedEvent e : events) {
      if (CaseworkFacts.handles(e)) {
        casework.fold(e, pseudonyms.ofCase(CaseworkFacts.caseOf(e)));
        continue;
      }
      if (e instanceof LoadedEvent.ResidentErase r) {
        erased.add(pseudonyms.of(r.residentId()));
        continue; // applied after the batch's rows are written, below
      }
      // null when applied
      String problem =
          BudgetFacts.lineOf(e) != null
              ? budget.fold(e)
              : fold(e, cases, contacts, residents, statusRows, keys, reflected);
      if (problem != null) {
        quarantined.add(new Quarantined(byPosition.get(e.position()), problem));
      }
    }

    try (Statement s = c.createStatement()) {
      s.execute(
          "delete from fact_case where case_key in"
              + " (select cast(k as uuid) from stg_key where kind = 'case')");
      s.execute(
          "delete from fact_contact where contact_key in"
              + " (select cast(k as uuid) from stg_key where kind = 'contact')");
      s.execute(
          "delete from dim_resident where resident_key in"
              + " (select cast(k as uuid) from stg_key where kind = 'resident')");
    }
    try (DuckDBAppender a = c.createAppender("fact_case")) {
      for (CaseFact f : cases.values()) {
        Rows.append(a, f.row(zone, calendar));
      }
    }
    try (DuckDBAppender a = c.createAppender("fact_contact")) {
      for (Object[] row : contacts.values()) {
        Rows.append(a, row);
      }
    }
    try (DuckDBAppender a = c.createAppender("dim_resident")) {
      for (Object[] row : residents.values()) {
        Rows.append(a, row);
      }
    }
    try (DuckDBAppender a = c.createAppender("fact_case_event")) {
      for (Object[] row : statusRows) {
        Rows.append(a, row);
      }
    }
    budget.write(c);
    casework.write(c);
    forget(c, erased);
    return quarantined;
  }

  /**
   * An erased resident's pseudonym goes from every table: their row, the facts that named them
   * (which stay as anonymous counts) and the records merged into them. Nothing after the erasure
   * names the resident, so doing it once the batch's rows are written catches them all.
   */
  static void forget(DuckDBConnection c, List<UUID> residentKeys) throws SQLException {
    if (residentKeys.isEmpty()) {
      return;
    }
    String[] statements = {
      "update fact_case set resident_key = null where resident_key = ?",
      "update fact_contact set resident_key = null where resident_key = ?",
      "update dim_resident set merged_into = null where merged_into = ?",
      "delete from dim_resident where resident_key = ?"
    };
    for (String sql : statements) {
      try (var ps = c.prepareStatement(sql)) {
        for (UUID key : residentKeys) {
          ps.setObject(1, key);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  /**
   * What a rebuild from the CRM's state already holds: rows at or below the snapshot's position
   * came from it (a fresh file has no others), and its status changes are known by their content.
   */
  private record Reflected(long position, Set<String> statusChanges) {
    boolean caseFromSnapshot(CaseFact f) {
      return position > 0 && f.lastPosition <= position;
    }

    boolean has(UUID caseKey, LoadedEvent.StatusChange s) {
      return !statusChanges.isEmpty()
          && statusChanges.contains(statusKey(caseKey, s.at(), s.from().name(), s.to().name()));
    }
  }

  static String statusKey(UUID caseKey, Instant at, String from, String to) {
    // Microseconds: what both the CRM's databases and DuckDB keep of a time.
    long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    return caseKey + "|" + micros + "|" + from + "|" + to;
  }

  /** The status changes of the batch's cases that a rebuild read from the CRM (no position). */
  private static Set<String> readSnapshotStatusChanges(DuckDBConnection c) throws SQLException {
    Set<String> keys = new java.util.HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select case_key, changed_at, from_status, to_status from fact_case_event"
                    + " where position is null and case_key in"
                    + " (select cast(k as uuid) from stg_key where kind = 'case')")) {
      while (rs.next()) {
        keys.add(
            statusKey(
                (UUID) rs.getObject(1),
                Rows.instant(rs.getObject(2)),
                rs.getString(3),
                rs.getString(4)));
      }
    }
    return keys;
  }

  /** A row of fact_case_event; position and due time are null when read from the CRM. */
  static Object[] statusRow(
      Long position,
      UUID caseKey,
      Instant at,
      org.borough.cases.CaseStatus from,
      org.borough.cases.CaseStatus to,
      boolean reopened,
      Instant dueAt,
      ZoneId zone) {
    return new Object[] {
      position, caseKey, at, Rows.dateKey(at, zone), from.name(), to.name(), reopened, dueAt
    };
  }

  private static UUID caseOf(LoadedEvent e) {
    if (e instanceof LoadedEvent.StatusChange s) {
      return s.caseId();
    } else if (e instanceof LoadedEvent.Assignment a) {
      return a.caseId();
    } else if (e instanceof LoadedEvent.Note n) {
      return n.caseId();
    } else if (e instanceof LoadedEvent.ResidentChange r) {
      return r.caseId();
    } else if (e instanceof LoadedEvent.Breach b) {
      return b.caseId();
    } else if (e instanceof LoadedEvent.Deadline d) {
      return d.caseId();
    } else if (e instanceof LoadedEvent.Details d) {
      return d.caseId();
    }
    return null;
  }

  /** Folds one event into the rows; returns why it cannot be applied, or null. */
  private String fold(
      LoadedEvent e,
      Map<UUID, CaseFact> cases,
      Map<UUID, Object[]> contacts,
      Map<UUID, Object[]> residents,
      List<Object[]> statusRows,
      Dimensions.Keys keys,
      Reflected reflected) {
    if (e instanceof LoadedEvent.Skipped) {
      return null;
    }
    if (e instanceof LoadedEvent.CaseOpen o) {
      CaseFact existing = cases.get(pseudonyms.ofCase(o.caseId()));
      if (existing != null && reflected.caseFromSnapshot(existing)) {
        return null; // the rebuild read the case from the CRM after this event committed
      }
      if (existing != null) {
        return "case " + o.caseId() + " was already opened";
      }
      CaseFact f =
          CaseFact.opened(
              pseudonyms.ofCase(o.caseId()),
              o.serviceCode(),
              o.wardCode(),
              o.teamId(),
              o.channel(),
              o.priority(),
              pseudonyms.of(o.residentId()),
              o.openedAt(),
              o.dueAt(),
              keys);
      f.lastPosition = o.position();
      cases.put(f.caseKey, f);
      return null;
    }
    UUID caseId = caseOf(e);
    if (caseId != null) {
      UUID caseKey = pseudonyms.ofCase(caseId);
      CaseFact f = cases.get(caseKey);
      if (f == null) {
        return "case " + caseId + " is not in the warehouse (never opened through the outbox)";
      }
      if (e instanceof LoadedEvent.StatusChange s) {
        if (reflected.has(caseKey, s)) {
          return null; // already in the case's row and its history, read from the CRM
        }
        f.apply(s);
        statusRows.add(
            statusRow(
                s.position(), caseKey, s.at(), s.from(), s.to(), s.reopened(), s.dueAt(), zone));
      } else if (e instanceof LoadedEvent.Assignment a) {
        f.teamId = a.teamId();
        f.teamKey = keys.team(a.teamId());
      } else if (e instanceof LoadedEvent.Note n) {
        if (n.publicNote() && f.firstResponseAt == null) {
          f.firstResponseAt = n.at(); // a public note is the council's first response
        }
      } else if (e instanceof LoadedEvent.ResidentChange r) {
        f.residentKey = pseudonyms.of(r.toResident());
      } else if (e instanceof LoadedEvent.Breach b) {
        if (f.slaBreachedAt == null) {
          f.slaBreachedAt = b.detectedAt();
        }
      } else if (e instanceof LoadedEvent.Deadline d) {
        f.dueAt = d.dueAt();
        f.slaBreachedAt = null; // as in the CRM: the new deadline is still to come
      } else if (e instanceof LoadedEvent.Details d) {
        f.serviceCode = d.serviceCode();
        f.serviceKey = keys.service(d.serviceCode());
        f.priority = d.priority();
        f.wardCode = d.wardCode();
        f.wardKey = keys.ward(d.wardCode());
        f.teamId = d.teamId();
        f.teamKey = keys.team(d.teamId());
        f.dueAt = d.dueAt();
        if (d.dueAt().isAfter(d.at())) {
          f.slaBreachedAt = null; // as in the CRM: the new deadline is still to come
        }
      }
      f.lastPosition = e.position();
      return null;
    }
    if (e instanceof LoadedEvent.ContactLog l) {
      UUID contactKey = pseudonyms.ofContact(l.contactId());
      Object[] existing = contacts.get(contactKey);
      if (existing != null && existing[1] == null && reflected.position() > 0) {
        return null; // read from the CRM by a rebuild (no position) after this event committed
      }
      if (existing != null) {
        return "contact " + l.contactId() + " was already logged";
      }
      contacts.put(
          contactKey,
          new Object[] {
            contactKey,
            l.position(),
            l.occurredAt(),
            Rows.dateKey(l.occurredAt(), zone),
            l.channel(),
            l.direction(),
            l.outcome(),
            l.resolvedAtFirstContact(),
            l.durationSeconds(),
            pseudonyms.of(l.residentId()),
            pseudonyms.ofCase(l.caseId())
          });
      return null;
    }
    if (e instanceof LoadedEvent.ContactLink l) {
      Object[] row = contacts.get(pseudonyms.ofContact(l.contactId()));
      if (row == null) {
        return "contact " + l.contactId() + " is not in the warehouse";
      }
      row[10] = pseudonyms.ofCase(l.caseId());
      return null;
    }
    if (e instanceof LoadedEvent.ResidentSeen r) {
      UUID key = pseudonyms.of(r.residentId());
      Object[] row = residents.get(key);
      if (row == null) {
        residents.put(key, new Object[] {key, r.wardCode(), Rows.dateKey(r.at(), zone), null});
      } else {
        row[1] = r.wardCode();
      }
      return null;
    }
    if (e instanceof LoadedEvent.ResidentMerge m) {
      UUID merged = pseudonyms.of(m.merged());
      Object[] row = residents.computeIfAbsent(merged, k -> new Object[] {k, null, null, null});
      row[3] = pseudonyms.of(m.kept());
      return null;
    }
    return "no rule applies " + e.getClass().getSimpleName();
  }

  private void stageKeys(
      DuckDBConnection c,
      Set<String> cases,
      Set<String> contacts,
      Set<String> residents,
      Set<UUID> budgetLines)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("delete from stg_key");
    }
    try (DuckDBAppender a = c.createAppender("stg_key")) {
      for (String k : cases) {
        Rows.append(a, "case", k);
      }
      for (String k : contacts) {
        Rows.append(a, "contact", k);
      }
      for (String k : residents) {
        Rows.append(a, "resident", k);
      }
      for (UUID k : budgetLines) {
        Rows.append(a, "budget-line", k.toString());
      }
    }
  }

  private static Map<UUID, CaseFact> readCases(DuckDBConnection c) throws SQLException {
    Map<UUID, CaseFact> cases = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select "
                    + CaseFact.COLUMNS
                    + " from fact_case where case_key in"
                    + " (select cast(k as uuid) from stg_key where kind = 'case')")) {
      while (rs.next()) {
        CaseFact f = CaseFact.read(rs);
        cases.put(f.caseKey, f);
      }
    }
    return cases;
  }

  private static Map<UUID, Object[]> readRows(
      DuckDBConnection c, String table, String idColumn, String kind) throws SQLException {
    Map<UUID, Object[]> rows = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select * from "
                    + table
                    + " where "
                    + idColumn
                    + " in (select cast(k as uuid) from stg_key where kind = '"
                    + kind
                    + "')")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = normalise(rs.getObject(i + 1));
        }
        rows.put((UUID) row[0], row);
      }
    }
    return rows;
  }

  private static Map<UUID, Object[]> readResidents(DuckDBConnection c) throws SQLException {
    Map<UUID, Object[]> rows = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select resident_key, ward_code, registered_date_key, merged_into from"
                    + " dim_resident where resident_key in"
                    + " (select cast(k as uuid) from stg_key where kind = 'resident')")) {
      while (rs.next()) {
        UUID key = (UUID) rs.getObject(1);
        rows.put(
            key,
            new Object[] {key, rs.getString(2), (Integer) rs.getObject(3), (UUID) rs.getObject(4)});
      }
    }
    return rows;
  }

  /** Values read back in the types {@link Rows#append} takes. */
  private static Object normalise(Object v) {
    if (v instanceof java.time.OffsetDateTime || v instanceof java.sql.Timestamp) {
      return Rows.instant(v);
    }
    return v;
  }
}
