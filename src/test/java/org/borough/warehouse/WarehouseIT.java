// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.governance.BudgetActuals;
import org.borough.governance.BudgetLineId;
import org.borough.governance.BudgetLines;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionItem;
import org.borough.governance.DecisionRegister;
import org.borough.governance.DecisionVerb;
import org.borough.governance.FundingKind;
import org.borough.governance.IctPortfolio;
import org.borough.governance.IctSystemDetails;
import org.borough.governance.NewBudgetLine;
import org.borough.governance.SpendKind;
import org.borough.governance.SupportStatus;
import org.borough.governance.SystemPhase;
import org.borough.residents.Channel;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.CabinetDecisions;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The warehouse end to end on the real CRM (H2 and PostgreSQL): changes made through the modules'
 * APIs reach the star schema through the outbox, reconcile with the CRM's tables, carry no personal
 * data, survive a rebuild, and show on the data-quality page and its JSON.
 */
class WarehouseIT extends IntegrationTest {

  @Autowired Warehouse warehouse;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired ContactLog contacts;
  @Autowired UserDetailsService users;
  @Autowired MockMvc mvc;
  @Autowired IctPortfolio portfolio;
  @Autowired DecisionRegister register;
  @Autowired BudgetLines budget;
  @Autowired BudgetActuals actuals;
  @Autowired WarehouseMetrics metrics;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  @Test
  void crmChangesReachTheStarSchemaAndReconcile() {
    String surname = "Warehouse" + UUID.randomUUID().toString().substring(0, 8);
    ResidentId resident = register(surname);
    CaseView raised = asUser(Fixtures.AGENT, () -> cases.open(missedBin(resident)));
    asUser(
        Fixtures.AGENT,
        () ->
            contacts.log(
                new NewContact(
                    resident,
                    raised.summary().reference(),
                    Channel.PHONE,
                    Direction.INBOUND,
                    null,
                    90,
                    ContactOutcome.CASE_UPDATED,
                    "Private words about " + surname)));
    asUser(
        Fixtures.CASEWORKER,
        () -> {
          cases.changeStatus(raised.id(), CaseStatus.IN_PROGRESS, null, false, null, null);
          cases.changeStatus(raised.id(), CaseStatus.RESOLVED, "Emptied", true, null, null);
          return null;
        });

    warehouse.catchUp();

    List<Object> row =
        one(
            "select f.status, f.service_code, s.name, f.channel_code, f.first_response_at is not"
                + " null, f.resolved_date_key is not null, f.resident_key is not null, t.code"
                + " from fact_case f join dim_service s on s.service_key = f.service_key"
                + " join dim_team t on t.team_key = f.team_key where f.case_key = '"
                + warehouse.caseKeyOf(raised.id().value())
                + "'");
    assertThat(row)
        .containsExactly(
            "RESOLVED",
            Fixtures.MISSED_BIN,
            "Missed bin collection",
            "PHONE",
            true,
            true,
            true,
            Fixtures.WASTE);
    assertThat(
            one(
                "select count(*) from fact_case_event e join fact_case f using (case_key)"
                    + " where f.case_key = '"
                    + warehouse.caseKeyOf(raised.id().value())
                    + "'"))
        .containsExactly(2L);
    assertThat(one("select count(*) from dim_ward where gss_code = '" + Fixtures.WARD + "'"))
        .containsExactly(1L);

    List<DataTests.Result> results = warehouse.runDataTests();
    assertThat(results)
        .filteredOn(r -> r.kind().equals("reconcile"))
        .hasSize(Reconciliation.Check.values().length)
        .allSatisfy(r -> assertThat(r.passed()).as(r.name() + ": " + r.sample()).isTrue());
    assertThat(results).filteredOn(r -> !r.passed()).isEmpty();

    assertThat(textInWarehouse()).noneMatch(v -> v.contains(surname));
    // Before: fact_case held the reference and the CRM's case id beside the resident key, so an
    // analyst who could also open the case in the CRM joined a fact back to its resident.
    assertThat(publishedValues())
        .isNotEmpty()
        .doesNotContain(
            raised.summary().reference(),
            raised.id().value().toString(),
            resident.value().toString());
  }

  @Test
  void rebuildFromTheCrmGivesWhatTheIncrementalLoadGave() {
    ResidentId resident = register("Rebuild" + UUID.randomUUID().toString().substring(0, 8));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CaseView c = asUser(Fixtures.AGENT, () -> cases.open(missedBin(resident)));
      ids.add(c.id().value().toString());
      asUser(
          Fixtures.AGENT,
          () ->
              contacts.log(
                  new NewContact(
                      resident,
                      c.summary().reference(),
                      Channel.WEB,
                      Direction.INBOUND,
                      null,
                      null,
                      ContactOutcome.CASE_UPDATED,
                      null)));
    }
    asUser(
        Fixtures.CASEWORKER,
        () -> {
          var first = new org.borough.cases.CaseId(UUID.fromString(ids.get(0)));
          cases.changeStatus(first, CaseStatus.IN_PROGRESS, null, false, null, null);
          cases.changeStatus(first, CaseStatus.RESOLVED, "Emptied", true, null, null);
          cases.changeStatus(first, CaseStatus.OPEN, "Not emptied after all", true, null, null);
          var second = new org.borough.cases.CaseId(UUID.fromString(ids.get(1)));
          cases.changeStatus(second, CaseStatus.ON_HOLD, null, false, null, null);
          cases.addNote(second, "We will come on Friday", true);
          return null;
        });
    warehouse.catchUp();
    String mine =
        ids.stream()
            .map(id -> "'" + warehouse.caseKeyOf(UUID.fromString(id)) + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    // Everything but what only the outbox knows: positions, surrogate keys (a fresh file numbers
    // its dimension versions afresh) and the due time after each status change.
    String caseRows =
        "select case_key, service_code, service_key is not null, ward_code,"
            + " ward_key is not null, team_id, team_key is not null, channel_code, priority,"
            + " resident_key, status, opened_at, opened_date_key, due_at, due_date_key,"
            + " first_response_at, first_response_date_key, resolved_at, resolved_date_key,"
            + " closed_at, closed_date_key, sla_breached_at, sla_met, working_days_taken,"
            + " times_reopened from fact_case where case_key in "
            + mine
            + " order by case_key";
    String eventRows =
        "select case_key, changed_at, date_key, from_status, to_status, reopened"
            + " from fact_case_event where case_key in "
            + mine
            + " order by case_key, changed_at";
    String contactRows =
        "select contact_key, occurred_at, date_key, channel_code, direction, outcome,"
            + " resolved_at_first_contact, duration_seconds, resident_key, case_key"
            + " from fact_contact where case_key in "
            + mine
            + " order by contact_key";
    String residentRows =
        "select resident_key, ward_code, registered_date_key, merged_into from dim_resident"
            + " where resident_key in (select resident_key from fact_case where case_key in "
            + mine
            + ")";
    List<List<Object>> before = new ArrayList<>();
    for (String sql : List.of(caseRows, eventRows, contactRows, residentRows)) {
      before.add(all(sql));
    }
    assertThat(before.get(0)).hasSize(3);
    assertThat(before.get(1)).hasSize(4);
    assertThat(before.get(2)).hasSize(3);
    assertThat(before.get(3)).hasSize(1);

    long positionBefore = warehouse.outboxPosition();
    String history =
        "select service_key, service_code, name, valid_from, is_current from dim_service"
            + " union all select ward_key, gss_code, name, valid_from, is_current from dim_ward"
            + " order by 1";
    List<Object> historyBefore = all(history);
    RebuildProgress result = warehouse.rebuildNow();

    assertThat(result.state()).as(result.message()).isEqualTo(RebuildProgress.State.DONE);
    assertThat(result.percent()).isEqualTo(100);
    List<List<Object>> after = new ArrayList<>();
    for (String sql : List.of(caseRows, eventRows, contactRows, residentRows)) {
      after.add(all(sql));
    }
    assertThat(after).isEqualTo(before);
    // The dimensions' versions outlive the rebuild (nothing changed in the catalogue meanwhile).
    assertThat(all(history)).isEqualTo(historyBefore);
    assertThat(warehouse.runDataTests()).filteredOn(r -> !r.passed()).isEmpty();
    // Once caught up, at least where the outbox stood when the rebuild began. The rebuild itself
    // stopped one short in a CI run: its position is the one read inside its snapshot, with the
    // CRM's state, and a commit this test had just seen was not yet in it. That is consistent (the
    // state and the position agree) and the loader applies the rest, as after any rebuild.
    warehouse.catchUp();
    assertThat(warehouse.state().highPosition())
        .isBetween(positionBefore, warehouse.outboxPosition());

    // The loader carries on from the position read with the CRM's state.
    asUser(
        Fixtures.CASEWORKER,
        () ->
            cases.changeStatus(
                new org.borough.cases.CaseId(UUID.fromString(ids.get(2))),
                CaseStatus.CANCELLED,
                null,
                false,
                null,
                null));
    warehouse.catchUp();
    assertThat(
            one(
                "select status from fact_case where case_key = '"
                    + warehouse.caseKeyOf(UUID.fromString(ids.get(2)))
                    + "'"))
        .containsExactly("CANCELLED");
  }

  @Test
  void budgetLinesAndTheirActualsReachFactBudgetAndARebuildGivesTheSame() {
    String code = "W" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    UUID system =
        asUser(
                Fixtures.ADMIN,
                () ->
                    portfolio.registerSystem(
                        new IctSystemDetails(
                            code,
                            "System " + code,
                            null,
                            "ICT service",
                            SystemPhase.BUSINESS_AS_USUAL,
                            null,
                            SupportStatus.SUPPORTED,
                            null)))
            .value();
    DecisionDetails decision =
        CabinetDecisions.of(
            "Budget " + code,
            new DecisionItem(null, DecisionVerb.AGREED, "money", null, null, null, null, null));
    UUID decided =
        asUser(Fixtures.DEMOCRATIC_SERVICES, () -> register.importDecisions(List.of(decision)))
            .get(0)
            .value();
    BudgetLineId line =
        asUser(
            Fixtures.ADMIN,
            () ->
                budget.record(
                    new NewBudgetLine(
                        "2017/18",
                        1_200_012L,
                        SpendKind.REVENUE,
                        FundingKind.BASE_BUDGET,
                        null,
                        null,
                        List.of(system),
                        "Support",
                        decided,
                        1)));
    asUser(Fixtures.FINANCE, () -> actuals.record(line, "2017-10", 95_000L, "Ledger"));
    warehouse.catchUp();
    String rows =
        "select budget_month, date_key, financial_year, spend_kind, funding_source, budget_pence,"
            + " actual_pence from fact_budget where budget_line_id = '"
            + line
            + "' order by date_key";
    List<Object> before = all(rows);
    assertThat(before).hasSize(12);
    assertThat(
            one(
                "select cast(sum(budget_pence) as bigint), cast(sum(actual_pence) as bigint),"
                    + " count(actual_pence) from fact_budget where budget_line_id = '"
                    + line
                    + "'"))
        .containsExactly(1_200_012L, 95_000L, 1L);
    assertThat(warehouse.rebuildNow().state()).isEqualTo(RebuildProgress.State.DONE);
    assertThat(all(rows)).isEqualTo(before);
    assertThat(
            all(
                "select system_code from bridge_budget_system where budget_line_id = '"
                    + line
                    + "'"))
        .containsExactly(List.of(code));
    assertThat(warehouse.runDataTests()).filteredOn(r -> !r.passed()).isEmpty();
  }

  private List<Object> all(String sql) {
    return warehouse.read(
        c -> {
          List<Object> rows = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
              List<Object> row = new ArrayList<>();
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getObject(i));
              }
              rows.add(row);
            }
          }
          return rows;
        });
  }

  @Test
  void dataQualityIsShownAsAPageAndJson() throws Exception {
    warehouse.catchUp();
    warehouse.runDataTests();
    var analyst = user(users.loadUserByUsername(Fixtures.ANALYST));
    mvc.perform(get("/api/v1/warehouse/data-quality").with(analyst))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.latest.failed").value(0))
        .andExpect(jsonPath("$.results[0].name").isString())
        .andExpect(jsonPath("$.asAt").isString());
    mvc.perform(get("/warehouse/data-quality").with(analyst))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("unique fact_case")));
    // And as metrics, for an operator's monitoring.
    metrics.refreshPerTest();
    assertThat(meters.get("borough.warehouse.data.tests").tag("result", "failed").gauge().value())
        .isZero();
    assertThat(meters.get("borough.warehouse.data.tests").tag("result", "passed").gauge().value())
        .isEqualTo(warehouse.latestDataTests().size());
    assertThat(
            meters
                .get("borough.warehouse.data.test.failures")
                .tag("test", warehouse.latestDataTests().get(0).name())
                .gauge()
                .value())
        .isZero();
    assertThat(meters.get("borough.warehouse.freshness").gauge().value()).isGreaterThanOrEqualTo(0);
    assertThat(meters.get("borough.warehouse.quarantined").gauge().value())
        .isGreaterThanOrEqualTo(0);
  }

  private List<Object> one(String sql) {
    return warehouse.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              row.add(rs.getObject(i));
            }
            return row;
          }
        });
  }

  /** Every text value in every table of the warehouse. */
  /** Every text and uuid value in the tables analysts can query and the Parquet export writes. */
  private List<String> publishedValues() {
    return warehouse.read(
        c -> {
          List<String> values = new ArrayList<>();
          for (PublishedTables.Table t : PublishedTables.read(c)) {
            for (PublishedTables.Column col : t.columns()) {
              if (!col.type().equals("VARCHAR") && !col.type().equals("UUID")) {
                continue;
              }
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "select distinct cast(" + col.name() + " as varchar) from " + t.name())) {
                while (rs.next()) {
                  values.add(rs.getString(1));
                }
              }
            }
          }
          return values;
        });
  }

  private List<String> textInWarehouse() {
    return warehouse.read(
        c -> {
          List<String> values = new ArrayList<>();
          List<String[]> columns = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "select table_name, column_name from information_schema.columns"
                          + " where data_type = 'VARCHAR'")) {
            while (rs.next()) {
              columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
          }
          for (String[] tc : columns) {
            try (Statement s = c.createStatement();
                ResultSet rs =
                    s.executeQuery(
                        "select distinct "
                            + tc[1]
                            + " from "
                            + tc[0]
                            + " where "
                            + tc[1]
                            + " is not null")) {
              while (rs.next()) {
                values.add(rs.getString(1));
              }
            }
          }
          return values;
        });
  }

  private ResidentId register(String surname) {
    return asUser(
        Fixtures.AGENT,
        () ->
            residents.register(
                new ResidentDetails(
                    "Wendy",
                    surname,
                    null,
                    surname.toLowerCase() + "@example.org",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)));
  }

  private static NewCase missedBin(ResidentId resident) {
    return new NewCase(
        Fixtures.MISSED_BIN,
        resident,
        "Bin not emptied",
        null,
        null,
        null,
        null,
        Fixtures.WARD,
        Map.of("bin_type", List.of("recycling")),
        null,
        null,
        Channel.PHONE,
        null);
  }

  private <T> T asUser(String username, Supplier<T> action) {
    UserDetails user = users.loadUserByUsername(username);
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return action.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
