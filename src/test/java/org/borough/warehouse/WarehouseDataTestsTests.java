// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.borough.cases.CaseId;
import org.borough.cases.CaseOpened;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseStatusChanged;
import org.borough.catalogue.Priority;
import org.borough.contacts.ContactId;
import org.borough.contacts.ContactLogged;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.governance.BudgetActualRecorded;
import org.borough.governance.BudgetLineApproved;
import org.borough.governance.BudgetLineId;
import org.borough.governance.DecisionId;
import org.borough.governance.FundingKind;
import org.borough.governance.SpendKind;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentRegistered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every declared data test passes on a clean load and fails when its rule is broken. */
class WarehouseDataTestsTests {

  static final Instant AT = Instant.parse("2026-03-23T10:00:00Z");

  @TempDir Path dir;
  TestWarehouse w;
  long crmCases = 1;
  long crmBudget = 1_200_000;

  @BeforeEach
  void load() {
    w = new TestWarehouse(dir, 100);
    CaseId id = new CaseId(UUID.randomUUID());
    UUID resident = UUID.randomUUID();
    w.publish(new ResidentRegistered(new ResidentId(resident), "E05000001"));
    w.publish(
        new CaseOpened(
            id,
            "BR-2026-000001",
            "missed-bin",
            resident,
            "E05000001",
            w.dimensions.waste,
            "PHONE",
            "NORMAL",
            AT,
            AT.plus(Duration.ofDays(2)),
            null));
    w.publish(new CaseStatusChanged(id, CaseStatus.NEW, CaseStatus.RESOLVED, AT, null, false));
    w.publish(
        new ContactLogged(
            new ContactId(UUID.randomUUID()),
            resident,
            id.value(),
            "PHONE",
            "INBOUND",
            "CASE_RAISED",
            false,
            60,
            AT));
    BudgetLineId line = new BudgetLineId(UUID.randomUUID());
    w.publish(
        new BudgetLineApproved(
            line,
            "2025/26",
            1_200_000,
            SpendKind.REVENUE,
            FundingKind.RESERVE,
            "ONESOURCE",
            List.of("CRM", "DWH"),
            new DecisionId(UUID.randomUUID()),
            1));
    w.publish(new BudgetActualRecorded(line, "2025/26", "2026-01", 95_000));
    // The case as a complaint, a request, an enquiry and with an answer: one row in each table.
    Instant due = AT.plus(Duration.ofDays(14));
    w.publish(
        new org.borough.complaints.ComplaintChanged(
            id,
            "missed-bin",
            false,
            List.of(
                new org.borough.complaints.ComplaintChanged.Stage(
                    1, AT, due, AT, due, due, false, AT.plus(Duration.ofDays(3)), "UPHELD"))));
    w.publish(
        new org.borough.information.InformationRequestChanged(
            id,
            "FOI",
            AT,
            due,
            due,
            false,
            false,
            AT.plus(Duration.ofDays(3)),
            "RELEASED",
            List.of(),
            false,
            null,
            null,
            null));
    w.publish(
        new org.borough.enquiries.EnquiryChanged(
            id, "E05000001", "missed-bin", AT, due, AT.plus(Duration.ofDays(1))));
    w.publish(new org.borough.satisfaction.CaseFeedbackGiven(id, 5, AT));
    w.loader.catchUp();
  }

  @AfterEach
  void close() {
    w.close();
  }

  DataTests tests() {
    Instant hour = AT.truncatedTo(ChronoUnit.HOURS);
    return new DataTests(
        new Reconciliation(
            Map.of(
                Reconciliation.Check.CASES_OPENED_PER_DAY, () -> Map.of(hour, crmCases),
                Reconciliation.Check.CONTACTS_PER_DAY, () -> Map.of(hour, 1L),
                Reconciliation.Check.COMPLAINT_STAGES_PER_DAY, () -> Map.of(hour, 1L),
                Reconciliation.Check.INFORMATION_REQUESTS_PER_DAY, () -> Map.of(hour, 1L),
                Reconciliation.Check.ENQUIRIES_PER_DAY, () -> Map.of(hour, 1L),
                Reconciliation.Check.FEEDBACK_PER_DAY, () -> Map.of(hour, 1L)),
            () -> Map.of("2025/26", crmBudget),
            TestWarehouse.LONDON));
  }

  @Test
  void everyTestPassesOnACleanLoad() {
    List<DataTests.Result> results = w.db.read(tests()::run);
    assertThat(results).hasSameSizeAs(DataTests.declarations()).isNotEmpty();
    assertThat(results).filteredOn(r -> !r.passed()).isEmpty();
  }

  @Test
  void reconciliationReportsTheDaysThatDiffer() {
    crmCases = 3;
    DataTests.Result r =
        w.db.read(c -> tests().run(c, declaration("reconcile cases_opened_per_day")));
    assertThat(r.passed()).isFalse();
    assertThat(r.sample()).isEqualTo("2026-03-23: CRM 3, warehouse 1");
  }

  @Test
  void budgetReconciliationReportsTheFinancialYearsThatDiffer() {
    crmBudget = 1_300_000;
    DataTests.Result r = w.db.read(c -> tests().run(c, declaration("reconcile budget_per_year")));
    assertThat(r.passed()).isFalse();
    assertThat(r.sample()).isEqualTo("2025/26: CRM 1300000, warehouse 1200000");
  }

  @Test
  void resultsAndHistoryAreStored() {
    List<DataTests.Result> results = w.db.read(tests()::run);
    w.db.write(c -> DataTests.store(c.unwrap(org.duckdb.DuckDBConnection.class), results, 4, AT));
    w.db.write(c -> DataTests.store(c.unwrap(org.duckdb.DuckDBConnection.class), results, 4, AT));
    assertThat(w.count("select count(*) from dq_run")).isEqualTo(2);
    assertThat(w.count("select count(*) from dq_result")).isEqualTo(2L * results.size());
  }

  @TestFactory
  Stream<DynamicTest> everyTestFailsOnDataThatBreaksIt() {
    return DataTests.declarations().stream()
        .filter(d -> !d.kind().equals("reconcile"))
        .map(d -> DynamicTest.dynamicTest(d.name(), () -> assertFailsOnBadData(d)));
  }

  private void assertFailsOnBadData(DataTests.Declaration d) {
    DataTests tests = tests();
    DataTests.Result result;
    try {
      w.db.write(
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute(breaking(c, d));
            }
            throw new Undo(tests.run(c, d));
          });
      throw new AssertionError("unreachable");
    } catch (Undo u) {
      result = u.result;
    }
    assertThat(result.passed()).as(d.name() + " should fail").isFalse();
    assertThat(result.failures()).isPositive();
    assertThat(w.db.read(c -> tests.run(c, d)).passed()).as(d.name() + " after undo").isTrue();
  }

  /** SQL that breaks the rule a declaration checks. */
  private static String breaking(java.sql.Connection c, DataTests.Declaration d) throws Exception {
    String t = d.table();
    String col = d.column();
    return switch (d.kind()) {
      case "unique" ->
          "insert into "
              + t
              + " select * from "
              + t
              + " where "
              + col
              + " is not null"
              + (d.condition() == null ? "" : " and " + d.condition())
              + " limit 1";
      case "not_null" ->
          d.condition() == null
              ? "insert into " + t + " default values"
              // A copy of a row the condition holds for, with the column emptied.
              : "insert into "
                  + t
                  + " select * replace (null as "
                  + col
                  + ") from "
                  + t
                  + " where "
                  + d.condition()
                  + " limit 1";
      case "relationship", "accepted_values" ->
          "insert into " + t + " (" + col + ") values (" + bogus(c, t, col) + ")";
      default -> throw new IllegalArgumentException(d.kind());
    };
  }

  private static String bogus(java.sql.Connection c, String table, String column) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select data_type from information_schema.columns where table_name = '"
                    + table
                    + "' and column_name = '"
                    + column
                    + "'")) {
      rs.next();
      return switch (rs.getString(1)) {
        case "INTEGER", "BIGINT" -> "-1";
        case "UUID" -> "'" + UUID.randomUUID() + "'";
        default -> "'BOGUS'";
      };
    }
  }

  @Test
  void acceptedValuesFollowTheEnums() {
    assertThat(values("fact_case.status")).containsExactlyInAnyOrder(names(CaseStatus.values()));
    assertThat(values("fact_case.priority")).containsExactlyInAnyOrder(names(Priority.values()));
    assertThat(values("fact_contact.direction"))
        .containsExactlyInAnyOrder(names(Direction.values()));
    assertThat(values("fact_contact.outcome"))
        .containsExactlyInAnyOrder(names(ContactOutcome.values()));
    assertThat(values("fact_complaint_stage.outcome"))
        .containsExactlyInAnyOrder(names(org.borough.complaints.Outcome.values()));
    assertThat(values("fact_information_request.regime"))
        .containsExactlyInAnyOrder(names(org.borough.information.Regime.values()));
    assertThat(values("fact_information_request.outcome"))
        .containsExactlyInAnyOrder(names(org.borough.information.Disclosure.values()));
    assertThat(values("fact_information_request.review_outcome"))
        .containsExactlyInAnyOrder(names(org.borough.information.ReviewOutcome.values()));
  }

  private static String[] values(String column) {
    return DataTests.declarations().stream()
        .filter(
            d ->
                d.kind().equals("accepted_values") && (d.table() + "." + d.column()).equals(column))
        .findFirst()
        .orElseThrow()
        .other()
        .split(",");
  }

  private static String[] names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
  }

  private static DataTests.Declaration declaration(String name) {
    return DataTests.declarations().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Carries a result out of a transaction that must roll back. */
  static final class Undo extends RuntimeException {
    final DataTests.Result result;

    Undo(DataTests.Result result) {
      super(null, null, false, false);
      this.result = result;
    }
  }
}
