// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseAssigned;
import org.borough.cases.CaseId;
import org.borough.cases.CaseNoteAdded;
import org.borough.cases.CaseOpened;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseStatusChanged;
import org.borough.cases.SlaBreached;
import org.borough.contacts.ContactId;
import org.borough.contacts.ContactLinkedToCase;
import org.borough.contacts.ContactLogged;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentRegistered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader on its own: exactly once across crashes, the outbox's out-of-order commits, poison
 * events, the accumulating snapshot, SCD type 2 history and pseudonyms.
 */
class WarehouseLoaderTests {

  @TempDir Path dir;
  TestWarehouse w;

  @AfterEach
  void close() {
    if (w != null) {
      w.close();
    }
  }

  static final Instant MONDAY_10AM = Instant.parse("2026-03-23T10:00:00Z");

  CaseId open(TestWarehouse w, String service, Instant at) {
    CaseId id = new CaseId(UUID.randomUUID());
    w.publish(
        new CaseOpened(
            id,
            "BR-2026-" + id.value().toString().substring(0, 6),
            service,
            UUID.randomUUID(),
            "E05000001",
            w.dimensions.waste,
            "PHONE",
            "NORMAL",
            at,
            at.plus(Duration.ofDays(2)),
            null));
    return id;
  }

  void move(TestWarehouse w, CaseId id, CaseStatus from, CaseStatus to, Instant at) {
    w.publish(new CaseStatusChanged(id, from, to, at, null, from.isReopenTo(to)));
  }

  @Test
  void foldsACaseLifecycleIntoTheAccumulatingSnapshot() {
    w = new TestWarehouse(dir, 100);
    CaseId id = open(w, "missed-bin", MONDAY_10AM);
    move(w, id, CaseStatus.NEW, CaseStatus.IN_PROGRESS, MONDAY_10AM.plus(Duration.ofHours(1)));
    move(w, id, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, MONDAY_10AM.plus(Duration.ofDays(3)));
    move(w, id, CaseStatus.RESOLVED, CaseStatus.OPEN, MONDAY_10AM.plus(Duration.ofDays(4)));
    // The second resolution lands in a later batch, folded into the stored row.
    w.loader.runBatch();
    move(w, id, CaseStatus.OPEN, CaseStatus.RESOLVED, MONDAY_10AM.plus(Duration.ofDays(1)));
    w.loader.runBatch();

    List<Object> row =
        w.rows(
                "select status, times_reopened, first_response_date_key, resolved_date_key,"
                    + " sla_met, working_days_taken, opened_date_key from fact_case")
            .get(0);
    assertThat(row.get(0)).isEqualTo("RESOLVED");
    assertThat(row.get(1)).isEqualTo(1);
    assertThat(row.get(2)).isEqualTo(20260323);
    assertThat(row.get(3)).isEqualTo(20260324);
    assertThat(row.get(4)).isEqualTo(true);
    assertThat(row.get(5)).isEqualTo(1);
    assertThat(row.get(6)).isEqualTo(20260323);
    assertThat(w.count("select count(*) from fact_case_event")).isEqualTo(4);
    assertThat(w.count("select count(*) from fact_case_event where reopened")).isEqualTo(1);
  }

  @Test
  void notesAssignmentsBreachesAndContactsReachTheirRows() {
    w = new TestWarehouse(dir, 100);
    CaseId id = open(w, "missed-bin", MONDAY_10AM);
    w.publish(new CaseNoteAdded(id, true, MONDAY_10AM.plus(Duration.ofMinutes(5))));
    w.publish(new CaseAssigned(id, w.dimensions.roads, null, MONDAY_10AM));
    w.publish(new SlaBreached(id, "x", w.dimensions.roads, null, MONDAY_10AM, MONDAY_10AM));
    ContactId contact = new ContactId(UUID.randomUUID());
    w.publish(
        new ContactLogged(
            contact,
            UUID.randomUUID(),
            null,
            "PHONE",
            "INBOUND",
            "CASE_RAISED",
            false,
            120,
            MONDAY_10AM));
    w.publish(new ContactLinkedToCase(contact, id.value()));
    w.loader.runBatch();

    List<Object> c =
        w.rows(
                "select first_response_at is not null, team_id, team_key is not null,"
                    + " sla_breached_at is not null from fact_case")
            .get(0);
    assertThat(c).containsExactly(true, w.dimensions.roads, true, true);
    assertThat(w.rows("select case_key, duration_seconds, date_key from fact_contact").get(0))
        .containsExactly(w.pseudonyms.ofCase(id.value()), 120, 20260323);
  }

  @Test
  void appliesEveryEventExactlyOnceAcrossACrashBetweenBatches() {
    w = new TestWarehouse(dir, 3);
    for (int i = 0; i < 4; i++) {
      CaseId id = open(w, "missed-bin", MONDAY_10AM);
      move(w, id, CaseStatus.NEW, CaseStatus.OPEN, MONDAY_10AM.plusSeconds(60));
    }
    assertThat(w.loader.runBatch().applied()).isEqualTo(3);
    w.loader.beforeCommit =
        () -> {
          throw new IllegalStateException("power cut");
        };
    assertThatThrownBy(() -> w.loader.runBatch()).hasMessageContaining("power cut");
    // The process dies: no clean shutdown beyond what the operating system does.
    w.close();

    w.reopen();
    assertThat(w.loader.state().highPosition()).isEqualTo(3);
    assertThat(w.loader.catchUp()).isEqualTo(5);

    assertThat(w.count("select count(*) from fact_case")).isEqualTo(4);
    assertThat(w.count("select count(distinct case_key) from fact_case")).isEqualTo(4);
    assertThat(w.count("select count(*) from fact_case_event")).isEqualTo(4);
    assertThat(w.count("select count(*) from fact_case where status = 'OPEN'")).isEqualTo(4);
    assertThat(w.loader.state().appliedEvents()).isEqualTo(8);
    assertThat(w.loader.state().highPosition()).isEqualTo(8);
    assertThat(w.loader.runBatch().didSomething()).isFalse();
  }

  @Test
  void appliesAnEventThatCommitsAfterALaterPositionWasRead() {
    w = new TestWarehouse(dir, 100);
    CaseId first = open(w, "missed-bin", MONDAY_10AM); // position 1
    long slow =
        w.outbox.add(
            new ResidentRegistered(new ResidentId(UUID.randomUUID()), "E05000002"),
            w.json,
            MONDAY_10AM); // position 2, its transaction still open
    w.outbox.hide(slow);
    open(w, "pothole", MONDAY_10AM); // position 3, commits first
    OutboxLoader.Batch b = w.loader.runBatch();
    assertThat(b.applied()).isEqualTo(2);
    assertThat(w.loader.state().openGaps()).isEqualTo(1);

    w.outbox.show(slow);
    move(w, first, CaseStatus.NEW, CaseStatus.OPEN, MONDAY_10AM); // position 4
    b = w.loader.runBatch();
    assertThat(b.applied()).isEqualTo(2);
    assertThat(b.lateArrivals()).isEqualTo(1);
    assertThat(w.count("select count(*) from dim_resident")).isEqualTo(1);
    assertThat(w.count("select count(*) from fact_case")).isEqualTo(2);
    assertThat(w.loader.state().openGaps()).isZero();
    assertThat(w.loader.runBatch().didSomething()).isFalse();
  }

  @Test
  void forgetsAGapAfterTheTimeoutAsARolledBackTransaction() {
    w = new TestWarehouse(dir, 100);
    open(w, "missed-bin", MONDAY_10AM);
    w.outbox.skip(); // rolled back
    open(w, "missed-bin", MONDAY_10AM);
    w.loader.runBatch();
    assertThat(w.loader.state().openGaps()).isEqualTo(1);

    w.clock.advance(Duration.ofMinutes(1));
    assertThat(w.loader.runBatch().gapsDropped()).isZero();
    w.clock.advance(Duration.ofMinutes(2));
    assertThat(w.loader.runBatch().gapsDropped()).isEqualTo(1);
    assertThat(w.loader.state().openGaps()).isZero();
  }

  @Test
  void quarantinesPoisonEventsWithTheirReasonAndCarriesOn() {
    w = new TestWarehouse(dir, 100);
    w.outbox.addRaw("case.opened.v1", "case", "x", MONDAY_10AM, "{not json");
    w.outbox.addRaw("case.opened.v1", "case", "x", MONDAY_10AM, "{\"caseId\": \"nope\"}");
    w.outbox.addRaw("SomethingNew", "case", "x", MONDAY_10AM, "{}");
    move(w, new CaseId(UUID.randomUUID()), CaseStatus.NEW, CaseStatus.OPEN, MONDAY_10AM);
    CaseId ok = open(w, "missed-bin", MONDAY_10AM);
    w.publish(
        new CaseOpened(
            ok,
            "dup",
            "missed-bin",
            null,
            null,
            null,
            "WEB",
            "LOW",
            MONDAY_10AM,
            MONDAY_10AM,
            null));

    OutboxLoader.Batch b = w.loader.runBatch();

    assertThat(b.applied()).isEqualTo(1);
    assertThat(b.quarantined()).isEqualTo(5);
    assertThat(w.rows("select position, reason from quarantine order by position"))
        .extracting(r -> r.get(1).toString())
        .satisfiesExactly(
            r -> assertThat(r).contains("not valid JSON"),
            r -> assertThat(r).contains("caseId is not a UUID"),
            r -> assertThat(r).contains("does not know event type SomethingNew"),
            r -> assertThat(r).contains("is not in the warehouse"),
            r -> assertThat(r).contains("already opened"));
    assertThat(w.count("select count(*) from fact_case")).isEqualTo(1);
    assertThat(w.loader.state().highPosition()).isEqualTo(6);
  }

  @Test
  void keepsHistoryWhenAServicesSlaOrATeamChanges() {
    w = new TestWarehouse(dir, 100);
    CaseId before = open(w, "missed-bin", MONDAY_10AM);
    w.loader.runBatch();

    var d = w.dimensions;
    d.services =
        List.of(
            new DimensionSource.Service(
                "missed-bin", "Missed bin", "Bins", "NORMAL", 3, "WORKING_DAYS", true, d.waste),
            d.services.get(1));
    d.teams =
        List.of(new DimensionSource.Team(d.waste, "waste", "Waste and recycling"), d.teams.get(1));
    w.clock.advance(Duration.ofDays(1));
    CaseId after = open(w, "missed-bin", MONDAY_10AM.plus(Duration.ofDays(1)));
    w.loader.runBatch();

    assertThat(
            w.rows(
                "select sla_target, is_current, valid_to is null from dim_service"
                    + " where service_code = 'missed-bin' order by valid_from"))
        .containsExactly(List.of(2, false, false), List.of(3, true, true));
    assertThat(
            w.rows(
                "select name, is_current from dim_team where code = 'waste' order by valid_from"))
        .containsExactly(List.of("Waste", false), List.of("Waste and recycling", true));
    assertThat(
            w.rows(
                "select s.sla_target, t.name from fact_case f"
                    + " join dim_service s on s.service_key = f.service_key"
                    + " join dim_team t on t.team_key = f.team_key where f.case_key = '"
                    + w.pseudonyms.ofCase(before.value())
                    + "'"))
        .containsExactly(List.of(2, "Waste"));
    assertThat(
            w.rows(
                "select s.sla_target, t.name from fact_case f"
                    + " join dim_service s on s.service_key = f.service_key"
                    + " join dim_team t on t.team_key = f.team_key where f.case_key = '"
                    + w.pseudonyms.ofCase(after.value())
                    + "'"))
        .containsExactly(List.of(3, "Waste and recycling"));
    // An unchanged source adds no versions.
    w.publish(new CaseNoteAdded(after, false, MONDAY_10AM));
    w.loader.runBatch();
    assertThat(w.count("select count(*) from dim_service")).isEqualTo(3);
  }

  @Test
  void aFileMadeWithAnOlderModelIsNotLoadedInto() throws Exception {
    w = new TestWarehouse(dir, 100);
    w.publish(new ResidentRegistered(new ResidentId(UUID.randomUUID()), "E05000001"));
    w.loader.runBatch();
    assertThat(w.db.current()).isTrue();
    java.nio.file.Path file = w.file;
    w.close();
    // A file loaded into before models were versioned records none: model 1.
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
        var s = c.createStatement()) {
      s.execute("delete from warehouse_model");
    }
    try (WarehouseDatabase old = new WarehouseDatabase(file)) {
      assertThat(old.current()).isFalse();
    }
    java.nio.file.Path fresh = dir.resolve("fresh.duckdb");
    try (WarehouseDatabase made = new WarehouseDatabase(fresh)) {
      assertThat(made.current()).isTrue();
    }
    try (WarehouseDatabase again = new WarehouseDatabase(fresh)) {
      assertThat(again.current()).isTrue();
    }
  }

  @Test
  void residentsAppearOnlyAsAKeyedPseudonym() {
    w = new TestWarehouse(dir, 100);
    UUID resident = UUID.randomUUID();
    w.publish(new ResidentRegistered(new ResidentId(resident), "E05000001"));
    w.loader.runBatch();

    UUID key = (UUID) w.rows("select resident_key from dim_resident").get(0).get(0);
    assertThat(key).isNotEqualTo(resident);
    assertThat(key).isEqualTo(w.pseudonyms.of(resident));
    assertThat(new Pseudonyms("another-key-another-key-another-key".getBytes()).of(resident))
        .isNotEqualTo(key);
  }

  @Test
  void dateDimensionHasFinancialYearsAndWorkingDays() {
    w = new TestWarehouse(dir, 100);
    assertThat(
            w.rows(
                "select financial_year, financial_quarter, is_bank_holiday, is_working_day"
                    + " from dim_date where date_key in (20170331, 20170401, 20251225, 20260327)"
                    + " order by date_key"))
        .containsExactly(
            List.of("2016/17", 4, false, true),
            List.of("2017/18", 1, false, false),
            List.of("2025/26", 3, true, false),
            List.of("2025/26", 4, false, true));
  }
}
