// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseEvent;
import org.borough.cases.CaseId;
import org.borough.complaints.ComplaintChanged;
import org.borough.enquiries.EnquiryChanged;
import org.borough.information.InformationRequestChanged;
import org.borough.satisfaction.CaseFeedbackGiven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statutory casework and satisfaction facts from their modules' events, and from the modules'
 * state on a rebuild: each event replaces its case's rows, so the facts hold what the last one
 * says, and a rebuild from the records as they stand gives the same rows.
 */
class WarehouseCaseworkTests {

  static final CaseId COMPLAINT =
      new CaseId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
  static final CaseId REQUEST = new CaseId(UUID.fromString("00000000-0000-0000-0000-0000000000c2"));
  static final CaseId ENQUIRY = new CaseId(UUID.fromString("00000000-0000-0000-0000-0000000000c3"));
  static final CaseId RESOLVED =
      new CaseId(UUID.fromString("00000000-0000-0000-0000-0000000000c4"));

  static final String STAGES =
      "select stage_key, stage, about_service_code, started_date_key, acknowledged_in_time,"
          + " extended, responded_date_key, responded_in_time, outcome, working_days_taken,"
          + " referred_to_ombudsman from fact_complaint_stage order by stage";
  static final String REQUESTS =
      "select regime, received_date_key, clarification_asked, extended, responded_date_key,"
          + " responded_in_time, outcome, exemptions, published, review_outcome,"
          + " working_days_taken from fact_information_request";
  static final String ENQUIRIES =
      "select ward_code, service_code, raised_date_key, responded_date_key, responded_in_time,"
          + " working_days_taken from fact_enquiry";
  static final String FEEDBACK = "select score, satisfied, date_key from fact_feedback";

  @TempDir Path dir;
  TestWarehouse events;
  TestWarehouse rebuilt;

  @AfterEach
  void close() {
    for (TestWarehouse w : new TestWarehouse[] {events, rebuilt}) {
      if (w != null) {
        w.close();
      }
    }
  }

  TestWarehouse warehouse(String name) throws Exception {
    return new TestWarehouse(Files.createDirectories(dir.resolve(name)), 100);
  }

  static Instant at(String t) {
    return Instant.parse(t);
  }

  static ComplaintChanged.Stage stageOne(Instant respondedAt, String outcome) {
    return new ComplaintChanged.Stage(
        1,
        at("2026-03-02T09:30:00Z"),
        at("2026-03-09T17:00:00Z"),
        at("2026-03-04T10:00:00Z"),
        at("2026-03-23T17:00:00Z"),
        at("2026-03-16T17:00:00Z"),
        true,
        respondedAt,
        outcome);
  }

  static final ComplaintChanged.Stage STAGE_TWO =
      new ComplaintChanged.Stage(
          2,
          at("2026-03-24T11:00:00Z"),
          at("2026-03-31T16:00:00Z"),
          null,
          at("2026-04-22T16:00:00Z"),
          at("2026-04-22T16:00:00Z"),
          false,
          null,
          null);

  /** Each record's last state, as its module gives it to a rebuild. */
  static final List<CaseEvent> NOW =
      List.of(
          new ComplaintChanged(
              COMPLAINT,
              "potholes",
              true,
              List.of(stageOne(at("2026-03-20T15:00:00Z"), "PARTLY_UPHELD"), STAGE_TWO)),
          new InformationRequestChanged(
              REQUEST,
              "FOI",
              at("2026-02-02T10:00:00Z"),
              at("2026-03-06T17:00:00Z"),
              at("2026-03-02T17:00:00Z"),
              true,
              false,
              at("2026-03-09T12:00:00Z"),
              "PART_RELEASED",
              List.of("S40", "S43"),
              true,
              null,
              null,
              null),
          new EnquiryChanged(
              ENQUIRY,
              "E05000001",
              "councillor-enquiry",
              at("2026-03-10T09:00:00Z"),
              at("2026-03-24T17:00:00Z"),
              at("2026-03-12T16:00:00Z")),
          new CaseFeedbackGiven(RESOLVED, 4, at("2026-03-26T20:00:00Z")));

  /** The history that led there, in the order the modules published it. */
  static void publishHistory(TestWarehouse w) {
    w.publish(new ComplaintChanged(COMPLAINT, null, false, List.of(stageOne(null, null))));
    w.publish(
        new EnquiryChanged(
            ENQUIRY,
            "E05000001",
            "councillor-enquiry",
            at("2026-03-10T09:00:00Z"),
            at("2026-03-24T17:00:00Z"),
            null));
    w.publish(
        new ComplaintChanged(
            COMPLAINT,
            "potholes",
            false,
            List.of(stageOne(at("2026-03-20T15:00:00Z"), "PARTLY_UPHELD"))));
    NOW.forEach(w::publish);
  }

  @Test
  void factsFromEventsHoldTheLastStateAndEqualTheRebuildFromTheModules() throws Exception {
    events = warehouse("events");
    publishHistory(events);
    events.loader.catchUp();
    assertThat(events.count("select count(*) from quarantine")).isZero();

    UUID complaint = events.pseudonyms.ofCase(COMPLAINT.value());
    assertThat(events.rows(STAGES))
        .containsExactly(
            // Answered on Friday 20 March, 14 working days after Monday 2 March, within its
            // extended deadline (23 March): in time, extended, partly upheld, later referred.
            List.of(
                complaint + "/1",
                1,
                "potholes",
                20260302,
                true,
                true,
                20260320,
                true,
                "PARTLY_UPHELD",
                14,
                true),
            java.util.Arrays.asList(
                complaint + "/2",
                2,
                "potholes",
                20260324,
                null,
                false,
                null,
                null,
                null,
                null,
                true));
    // Answered on 9 March, after its deadline of 6 March (moved by the clarification).
    assertThat(events.rows(REQUESTS))
        .containsExactly(
            java.util.Arrays.asList(
                "FOI",
                20260202,
                true,
                false,
                20260309,
                false,
                "PART_RELEASED",
                "S40,S43",
                true,
                null,
                25));
    assertThat(events.rows(ENQUIRIES))
        .containsExactly(List.of("E05000001", "councillor-enquiry", 20260310, 20260312, true, 2));
    // 20:00 UTC on 26 March is still the 26th in London.
    assertThat(events.rows(FEEDBACK)).containsExactly(List.of(4, true, 20260326));
    assertThat(events.count("select count(position) from fact_complaint_stage")).isEqualTo(2);

    rebuilt = warehouse("rebuilt");
    rebuilt.crm.casework.addAll(NOW);
    rebuilt.loadCrm(0);
    for (String sql : List.of(STAGES, REQUESTS, ENQUIRIES, FEEDBACK)) {
      assertThat(rebuilt.rows(sql)).as(sql).isEqualTo(events.rows(sql));
    }
    assertThat(rebuilt.count("select count(position) from fact_complaint_stage")).isZero();
  }

  @Test
  void aCaseWhoseComplaintIsAppliedAgainAfterARebuildKeepsItsRows() throws Exception {
    events = warehouse("events");
    events.crm.casework.addAll(NOW);
    events.loadCrm(0);
    // The same states arrive again through the outbox (published in the snapshot's overlap).
    NOW.forEach(events::publish);
    events.loader.catchUp();
    assertThat(events.count("select count(*) from fact_complaint_stage")).isEqualTo(2);
    assertThat(events.count("select count(*) from fact_information_request")).isEqualTo(1);
    assertThat(events.count("select count(*) from fact_enquiry")).isEqualTo(1);
    assertThat(events.count("select count(*) from fact_feedback")).isEqualTo(1);
  }
}
