// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.governance.BudgetActualRecorded;
import org.borough.governance.BudgetLineApproved;
import org.borough.governance.BudgetLineId;
import org.borough.governance.BudgetLineReversed;
import org.borough.governance.BudgetLineStatus;
import org.borough.governance.BudgetPressureChanged;
import org.borough.governance.DecisionId;
import org.borough.governance.FundingKind;
import org.borough.governance.SpendKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fact_budget} from governance's events through the outbox, and from its state on a rebuild:
 * the same rows either way, an actual recorded again replaces the month's figure, and a budget
 * pressure is not budget.
 */
class WarehouseBudgetTests {

  static final UUID LINE = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
  static final String ROWS =
      "select budget_month, budget_line_id, date_key, year_month, financial_year, spend_kind,"
          + " funding_source, reserve_code, budget_pence, actual_pence from fact_budget order by 1";
  static final String BRIDGE =
      "select budget_line_id, system_code, weight from bridge_budget_system order by 2";

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

  /** The seed decision's line: £1,055,000 in 2017/18 from the oneSource Reserve, three systems. */
  static BudgetLineApproved approved() {
    return new BudgetLineApproved(
        new BudgetLineId(LINE),
        "2017/18",
        105_500_000L,
        SpendKind.REVENUE,
        FundingKind.RESERVE,
        "ONESOURCE",
        List.of("CRM", "DWH", "SECURE-INFRA"),
        new DecisionId(UUID.randomUUID()),
        1);
  }

  void publishHistory(TestWarehouse w) {
    w.publish(
        new BudgetPressureChanged(
            new BudgetLineId(UUID.randomUUID()),
            BudgetLineStatus.PRESSURE,
            "2018/19",
            93_000_000L,
            List.of("CRM")));
    w.publish(approved());
    w.publish(new BudgetActualRecorded(new BudgetLineId(LINE), "2017/18", "2017-10", 9_000_000L));
    w.publish(new BudgetActualRecorded(new BudgetLineId(LINE), "2017/18", "2017-10", 8_800_000L));
  }

  /** The same line as governance's state gives it to a rebuild. */
  static void governanceState(TestWarehouse w) {
    w.crm.budgetLine(
        LINE,
        "2017/18",
        105_500_000L,
        "RESERVE",
        "ONESOURCE",
        Map.of("2017-10", 8_800_000L),
        "CRM",
        "DWH",
        "SECURE-INFRA");
  }

  @Test
  void budgetFromEventsEqualsTheRebuildFromGovernance() throws Exception {
    events = warehouse("events");
    publishHistory(events);
    events.loader.catchUp();
    assertThat(events.count("select count(*) from quarantine")).isZero();
    assertThat(events.count("select count(*) from fact_budget")).isEqualTo(12);
    assertThat(events.count("select sum(budget_pence) from fact_budget")).isEqualTo(105_500_000L);
    assertThat(events.count("select actual_pence from fact_budget where year_month = '2017-10'"))
        .isEqualTo(8_800_000L);
    assertThat(events.count("select count(actual_pence) from fact_budget")).isEqualTo(1);
    // £1,055,000 over 12 months: £87,916.66 and 8 pence over, one each to the first 8 months.
    assertThat(events.count("select budget_pence from fact_budget where year_month = '2017-04'"))
        .isEqualTo(8_791_667L);
    assertThat(events.count("select budget_pence from fact_budget where year_month = '2018-03'"))
        .isEqualTo(8_791_666L);

    rebuilt = warehouse("rebuilt");
    governanceState(rebuilt);
    rebuilt.loadCrm(0);
    assertThat(rebuilt.rows(ROWS)).isEqualTo(events.rows(ROWS));
    assertThat(rebuilt.rows(BRIDGE)).isEqualTo(events.rows(BRIDGE)).hasSize(3);
  }

  @Test
  void eventsARebuildAlreadyReadChangeNothing() throws Exception {
    rebuilt = warehouse("rebuilt");
    publishHistory(rebuilt);
    governanceState(rebuilt);
    rebuilt.loadCrm(0); // an outbox position before every event: the loader applies them all
    List<List<Object>> read = rebuilt.rows(ROWS);
    rebuilt.loader.catchUp();
    assertThat(rebuilt.count("select count(*) from quarantine")).isZero();
    assertThat(rebuilt.rows(ROWS)).isEqualTo(read).hasSize(12);
    assertThat(rebuilt.count("select count(*) from bridge_budget_system")).isEqualTo(3);
  }

  @Test
  void everyYearABudgetLineMayNameHasItsDaysInTheCalendar() throws Exception {
    events = warehouse("events");
    for (String year : List.of("2000/01", "2099/00")) {
      events.publish(
          new BudgetLineApproved(
              new BudgetLineId(UUID.randomUUID()),
              year,
              1_200L,
              SpendKind.REVENUE,
              FundingKind.BASE_BUDGET,
              null,
              List.of("CRM"),
              new DecisionId(UUID.randomUUID()),
              1));
    }
    events.loader.catchUp();
    assertThat(events.count("select count(*) from fact_budget")).isEqualTo(24);
    assertThat(
            events.count(
                "select count(*) from fact_budget f"
                    + " where not exists (select 1 from dim_date d where d.date_key = f.date_key)"))
        .isZero();
  }

  @Test
  void aReversedLineIsNoLongerBudget() throws Exception {
    events = warehouse("events");
    events.publish(approved());
    events.publish(
        new BudgetLineReversed(
            new BudgetLineId(LINE),
            "2017/18",
            105_500_000L,
            List.of("CRM", "DWH", "SECURE-INFRA")));
    events.loader.catchUp();
    assertThat(events.count("select count(*) from quarantine")).isZero();
    assertThat(events.count("select count(*) from fact_budget")).isZero();
    assertThat(events.count("select count(*) from bridge_budget_system")).isZero();
    // A rebuild reads governance, which lists approved lines only: the same, nothing.
    rebuilt = warehouse("rebuilt");
    rebuilt.loadCrm(0);
    assertThat(rebuilt.rows(ROWS)).isEqualTo(events.rows(ROWS));
  }

  @Test
  void anActualForALineTheWarehouseNeverSawApprovedIsQuarantined() throws Exception {
    events = warehouse("events");
    events.publish(
        new BudgetActualRecorded(
            new BudgetLineId(UUID.randomUUID()), "2017/18", "2017-10", 1_000L));
    events.loader.catchUp();
    assertThat(events.rows("select reason from quarantine").get(0).get(0).toString())
        .contains("has no month 2017-10 in the warehouse");
    assertThat(events.count("select count(*) from fact_budget")).isZero();
  }
}
