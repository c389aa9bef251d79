// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseBulkRead;
import org.borough.cases.CaseStatus;
import org.borough.contacts.ContactBulkRead;

/**
 * A small warehouse whose KPI values were worked out by hand (in the comments; checked in {@link
 * KpiValuesTests}), also exported to Parquet for the Spark comparison (ParquetExportIT). It is
 * loaded as a rebuild loads the CRM, on Friday 27 March 2026 at 10:00 (London, still GMT); the
 * period is January to March 2026.
 */
final class KpiFixture {

  private KpiFixture() {}

  static final UUID A = id(1), B = id(2), C = id(3), D = id(4), E = id(5), F = id(6);

  static UUID id(int n) {
    return UUID.fromString("00000000-0000-0000-0000-00000000000" + n);
  }

  static Instant at(String t) {
    return Instant.parse(t);
  }

  /** A warehouse file in {@code dir} holding the fixture, loaded as a rebuild loads the CRM. */
  static TestWarehouse open(Path dir) {
    TestWarehouse w = new TestWarehouse(dir, 100);
    UUID waste = w.dimensions.waste;
    UUID roads = w.dimensions.roads;
    var crm = w.crm;
    // A: phone, opened Mon 2 Feb, resolved next day within SLA: 1 working day.
    crm.cases.add(
        kase(
            A,
            "missed-bin",
            "E05000001",
            waste,
            "PHONE",
            CaseStatus.RESOLVED,
            "2026-02-02T10:00:00Z",
            "2026-02-04T17:00:00Z",
            "2026-02-03T12:00:00Z",
            0));
    // B: web, opened Mon 9 Feb, resolved Fri 13 Feb after its due day: 4 working days, missed.
    crm.cases.add(
        kase(
            B,
            "missed-bin",
            "E05000002",
            waste,
            "WEB",
            CaseStatus.CLOSED,
            "2026-02-09T10:00:00Z",
            "2026-02-11T17:00:00Z",
            "2026-02-13T12:00:00Z",
            0));
    // C: app, opened Mon 2 Mar, resolved, reopened and resolved again the same day: 0 days, met.
    crm.cases.add(
        kase(
            C,
            "pothole",
            "E05000001",
            roads,
            "APP",
            CaseStatus.RESOLVED,
            "2026-03-02T10:00:00Z",
            "2026-03-03T17:00:00Z",
            "2026-03-02T15:00:00Z",
            1));
    // D: phone, opened Mon 16 Mar, still in progress and overdue: 9 working days old.
    crm.cases.add(
        kase(
            D,
            "pothole",
            "E05000002",
            roads,
            "PHONE",
            CaseStatus.IN_PROGRESS,
            "2026-03-16T10:00:00Z",
            "2026-03-17T17:00:00Z",
            null,
            0));
    // E: email, no ward, opened Thu 26 Mar, new: 1 working day old, not yet due.
    crm.cases.add(
        kase(
            E,
            "missed-bin",
            null,
            waste,
            "EMAIL",
            CaseStatus.NEW,
            "2026-03-26T10:00:00Z",
            "2026-03-30T17:00:00Z",
            null,
            0));
    // F: opened before the period (Mon 15 Dec 2025), resolved Mon 5 Jan: 12 working days (the
    // 25th, 26th and 1st are bank holidays), missed.
    crm.cases.add(
        kase(
            F,
            "missed-bin",
            "E05000001",
            waste,
            "PHONE",
            CaseStatus.RESOLVED,
            "2025-12-15T10:00:00Z",
            "2025-12-17T17:00:00Z",
            "2026-01-05T12:00:00Z",
            0));
    change(w, A, "2026-02-03T12:00:00Z", CaseStatus.NEW, CaseStatus.RESOLVED);
    change(w, B, "2026-02-13T12:00:00Z", CaseStatus.NEW, CaseStatus.RESOLVED);
    change(w, B, "2026-02-20T12:00:00Z", CaseStatus.RESOLVED, CaseStatus.CLOSED);
    change(w, C, "2026-03-02T11:00:00Z", CaseStatus.NEW, CaseStatus.RESOLVED);
    change(w, C, "2026-03-02T12:00:00Z", CaseStatus.RESOLVED, CaseStatus.OPEN);
    change(w, C, "2026-03-02T15:00:00Z", CaseStatus.OPEN, CaseStatus.RESOLVED);
    change(w, D, "2026-03-16T11:00:00Z", CaseStatus.NEW, CaseStatus.IN_PROGRESS);
    change(w, F, "2026-01-05T12:00:00Z", CaseStatus.NEW, CaseStatus.RESOLVED);
    contact(w, 1, A, "PHONE", "INBOUND", false, "2026-02-02T09:55:00Z");
    contact(w, 2, B, "WEB", "INBOUND", false, "2026-02-09T10:00:00Z");
    contact(w, 3, null, "PHONE", "INBOUND", true, "2026-03-10T10:00:00Z");
    contact(w, 4, null, "FACE_TO_FACE", "INBOUND", true, "2026-03-11T10:00:00Z");
    contact(w, 5, D, "PHONE", "OUTBOUND", false, "2026-03-17T10:00:00Z");
    contact(w, 6, C, "APP", "INBOUND", false, "2026-03-02T10:00:00Z");
    // ICT budget 2025/26: £120,000 for the CRM and the data warehouse (£10,000 a month, half each),
    // spent £12,000 in January and £8,000 in February, March not yet recorded; £24,000 for the
    // data warehouse alone (£2,000 a month); and next year's line, outside the period.
    crm.budgetLine(
        id(7),
        "2025/26",
        12_000_000L,
        "RESERVE",
        "ONESOURCE",
        java.util.Map.of("2026-01", 1_200_000L, "2026-02", 800_000L),
        "CRM",
        "DWH");
    crm.budgetLine(id(8), "2025/26", 2_400_000L, "BASE_BUDGET", null, java.util.Map.of(), "DWH");
    crm.budgetLine(id(9), "2026/27", 1_200_000L, "BASE_BUDGET", null, java.util.Map.of(), "CRM");
    casework(w);
    w.loadCrm(0);
    return w;
  }

  /**
   * The statutory casework and satisfaction answers, on the fixture's cases (a fact only needs its
   * case to exist): F is a complaint about missed bins through both stages, D an FOI and E an EIR
   * request, B and C councillors' enquiries, and A, B and C answered the satisfaction question.
   */
  static void casework(TestWarehouse w) {
    var cw = w.crm.casework;
    // F: stage 1 begun Tue 6 Jan, answered Thu 15 Jan (7 working days), in time, not upheld;
    // stage 2 begun Mon 19 Jan, answered Fri 20 Feb (24 working days), after its 16 Feb deadline,
    // upheld; then referred to the Ombudsman.
    cw.add(
        new org.borough.complaints.ComplaintChanged(
            new org.borough.cases.CaseId(F),
            "missed-bin",
            true,
            List.of(
                new org.borough.complaints.ComplaintChanged.Stage(
                    1,
                    at("2026-01-06T10:00:00Z"),
                    at("2026-01-13T17:00:00Z"),
                    at("2026-01-07T10:00:00Z"),
                    at("2026-01-20T17:00:00Z"),
                    at("2026-01-20T17:00:00Z"),
                    false,
                    at("2026-01-15T12:00:00Z"),
                    "NOT_UPHELD"),
                new org.borough.complaints.ComplaintChanged.Stage(
                    2,
                    at("2026-01-19T10:00:00Z"),
                    at("2026-01-26T17:00:00Z"),
                    null,
                    at("2026-02-16T17:00:00Z"),
                    at("2026-02-16T17:00:00Z"),
                    false,
                    at("2026-02-20T12:00:00Z"),
                    "UPHELD"))));
    // D: FOI received Mon 2 Mar, answered Fri 20 Mar, released in full, in time.
    cw.add(
        new org.borough.information.InformationRequestChanged(
            new org.borough.cases.CaseId(D),
            "FOI",
            at("2026-03-02T10:00:00Z"),
            at("2026-03-30T17:00:00Z"),
            at("2026-03-30T17:00:00Z"),
            false,
            false,
            at("2026-03-20T12:00:00Z"),
            "RELEASED",
            List.of(),
            true,
            null,
            null,
            null));
    // E: EIR received Mon 2 Feb, extended to 30 Mar, answered Mon 16 Mar in part, in time; the
    // review overturned it.
    cw.add(
        new org.borough.information.InformationRequestChanged(
            new org.borough.cases.CaseId(E),
            "EIR",
            at("2026-02-02T10:00:00Z"),
            at("2026-03-30T17:00:00Z"),
            at("2026-03-02T17:00:00Z"),
            false,
            true,
            at("2026-03-16T12:00:00Z"),
            "PART_RELEASED",
            List.of("R12_5_F"),
            false,
            at("2026-03-17T10:00:00Z"),
            at("2026-03-25T10:00:00Z"),
            "OVERTURNED"));
    // B (Riverside): raised Mon 9 Feb, due 23 Feb, answered Wed 25 Feb: late, 12 working days.
    // C (Central): raised Mon 2 Mar, due 16 Mar, answered Wed 4 Mar: in time, 2 working days.
    cw.add(
        new org.borough.enquiries.EnquiryChanged(
            new org.borough.cases.CaseId(B),
            "E05000002",
            "missed-bin",
            at("2026-02-09T10:00:00Z"),
            at("2026-02-23T17:00:00Z"),
            at("2026-02-25T12:00:00Z")));
    cw.add(
        new org.borough.enquiries.EnquiryChanged(
            new org.borough.cases.CaseId(C),
            "E05000001",
            "pothole",
            at("2026-03-02T10:00:00Z"),
            at("2026-03-16T17:00:00Z"),
            at("2026-03-04T12:00:00Z")));
    // Satisfaction: A very satisfied, B dissatisfied, C satisfied.
    cw.add(
        new org.borough.satisfaction.CaseFeedbackGiven(
            new org.borough.cases.CaseId(A), 5, at("2026-02-04T10:00:00Z")));
    cw.add(
        new org.borough.satisfaction.CaseFeedbackGiven(
            new org.borough.cases.CaseId(B), 2, at("2026-02-16T10:00:00Z")));
    cw.add(
        new org.borough.satisfaction.CaseFeedbackGiven(
            new org.borough.cases.CaseId(C), 4, at("2026-03-03T10:00:00Z")));
  }

  static CaseBulkRead.Case kase(
      UUID id,
      String service,
      String ward,
      UUID team,
      String channel,
      CaseStatus status,
      String opened,
      String due,
      String resolved,
      int reopened) {
    return new CaseBulkRead.Case(
        id,
        "BR-2026-00000" + id.toString().substring(35),
        service,
        null,
        ward,
        team,
        channel,
        "NORMAL",
        status,
        at(opened),
        at(due),
        null,
        resolved == null ? null : at(resolved),
        null,
        null,
        reopened);
  }

  static void change(TestWarehouse w, UUID id, String when, CaseStatus from, CaseStatus to) {
    w.crm.statusChanges.add(new CaseBulkRead.StatusChange(id, at(when), from, to));
  }

  static void contact(
      TestWarehouse w,
      int n,
      UUID kase,
      String channel,
      String direction,
      boolean first,
      String when) {
    w.crm.contacts.add(
        new ContactBulkRead.Row(
            UUID.nameUUIDFromBytes(
                ("contact " + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            null,
            kase,
            channel,
            direction,
            first ? "RESOLVED_AT_FIRST_CONTACT" : "CASE_RAISED",
            first,
            60,
            at(when)));
  }
}
