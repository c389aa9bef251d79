// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.borough.support.CabinetDecisions;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ICT portfolio against a real database: the funding rules the ICT Resources Review states (no
 * capital for a system in business as usual; a reserve drawdown never overdraws, even when two come
 * at once), pressures carried to budget setting until approved or dropped, the "catch up and keep
 * pace" list, and the JSON API.
 */
class PortfolioIT extends IntegrationTest {

  @Autowired IctPortfolio portfolio;
  @Autowired BudgetLines budget;
  @Autowired DecisionRegister register;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;
  @Autowired BudgetActuals actuals;
  @Autowired org.borough.system.Outbox outbox;

  @Test
  void theBudgetLineFormOffersTheItemsOfTheNewestPublishedDecisions() throws Exception {
    decision(
        item(DecisionVerb.AGREED, 1_000_000L, "2017/18"), item(DecisionVerb.NOTED, null, null));
    var recent = signedIn.as(Fixtures.FINANCE, () -> register.recentWithItems(50));
    assertThat(recent).isNotEmpty().hasSizeLessThanOrEqualTo(50);
    // Each decision's items, read for all of them at once, are the ones the decision holds.
    for (var r : recent.subList(0, Math.min(5, recent.size()))) {
      assertThat(r.items())
          .isEqualTo(
              signedIn
                  .as(Fixtures.FINANCE, () -> register.findPublished(r.decision().id()))
                  .details()
                  .items());
    }
    String form =
        mvc.perform(get("/portfolio/budget-lines/new").with(signedIn.request(Fixtures.ADMIN)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    for (var r : recent) {
      for (var i : r.items()) {
        assertThat(form).contains("value=\"" + r.decision().id() + "#" + i.number() + "\"");
      }
    }
  }

  @Test
  void refusesCapitalForABusinessAsUsualSystemOnTheFieldChosen() {
    UUID bau = system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, null);
    UUID project = system(SystemPhase.PROJECT, SupportStatus.SUPPORTED, null);
    UUID decision = decision(item(DecisionVerb.AGREED, null, null));

    InvalidInputException capital =
        refused(
            line(
                "2019/20",
                5_000_000L,
                SpendKind.CAPITAL,
                FundingKind.BASE_BUDGET,
                null,
                bau,
                decision,
                1));
    assertThat(capital.errors()).containsOnlyKeys("spend");
    assertThat(capital.errors().get("spend")).contains("is in business as usual: capital funding");

    InvalidInputException programme =
        refused(
            line(
                "2019/20",
                5_000_000L,
                SpendKind.CAPITAL,
                FundingKind.CAPITAL_PROGRAMME,
                null,
                bau,
                decision,
                1));
    assertThat(programme.errors()).containsKey("spend");

    // A project may be funded from capital; the same system from revenue as well.
    assertThat(
            admin(
                () ->
                    budget.record(
                        line(
                            "2019/20",
                            5_000_000L,
                            SpendKind.CAPITAL,
                            FundingKind.CAPITAL_PROGRAMME,
                            null,
                            project,
                            decision,
                            1))))
        .isNotNull();
    assertThat(
            admin(
                () ->
                    budget.record(
                        line(
                            "2019/20",
                            5_000_000L,
                            SpendKind.REVENUE,
                            FundingKind.BASE_BUDGET,
                            null,
                            bau,
                            decision,
                            1))))
        .isNotNull();
  }

  @Test
  void aDrawdownReducesTheReserveAndOneThatWouldOverdrawItIsRefused() {
    UUID crm = system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, null);
    ReserveId reserve = reserve(10_000_000L);
    UUID decision = decision(item(DecisionVerb.AGREED, null, null));

    BudgetLineId first =
        admin(
            () ->
                budget.record(
                    line(
                        "2017/18",
                        6_000_000L,
                        SpendKind.REVENUE,
                        FundingKind.RESERVE,
                        reserve,
                        crm,
                        decision,
                        1)));
    Reserve after = admin(() -> portfolio.findReserve(reserve));
    assertThat(after.balancePence()).isEqualTo(4_000_000L);
    assertThat(after.movements())
        .extracting(
            ReserveMovement::kind, ReserveMovement::amountPence, ReserveMovement::budgetLineId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ReserveMovement.Kind.OPENING, 10_000_000L, null),
            org.assertj.core.groups.Tuple.tuple(ReserveMovement.Kind.DRAWDOWN, -6_000_000L, first));

    InvalidInputException overdraw =
        refused(
            line(
                "2017/18",
                5_000_000L,
                SpendKind.REVENUE,
                FundingKind.RESERVE,
                reserve,
                crm,
                decision,
                1));
    assertThat(overdraw.errors().get("amountPence"))
        .isEqualTo(
            "The Reserve "
                + after.code()
                + " holds £40,000: drawing down £50,000 would overdraw it"
                + " by £10,000");
    assertThat(admin(() -> portfolio.findReserve(reserve)).balancePence()).isEqualTo(4_000_000L);
    assertThat(admin(() -> budget.search(null, new SystemId(crm), null, 0, 10))).hasSize(1);
  }

  @Test
  void twoDrawdownsAtOnceCannotBothSpendTheSameMoney() throws Exception {
    UUID crm = system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, null);
    ReserveId reserve = reserve(10_000_000L);
    // Two decisions, so only the reserve's balance stands between the two drawdowns.
    List<UUID> decisions =
        List.of(
            decision(item(DecisionVerb.AGREED, null, null)),
            decision(item(DecisionVerb.AGREED, null, null)));
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (UUID decision : decisions) {
        results.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  try {
                    return admin(
                        () ->
                            budget.record(
                                line(
                                    "2017/18",
                                    6_000_000L,
                                    SpendKind.REVENUE,
                                    FundingKind.RESERVE,
                                    reserve,
                                    crm,
                                    decision,
                                    1)));
                  } catch (InvalidInputException e) {
                    return e;
                  }
                }));
      }
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : results) {
        outcomes.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(outcomes).filteredOn(BudgetLineId.class::isInstance).hasSize(1);
      assertThat(outcomes)
          .filteredOn(InvalidInputException.class::isInstance)
          .singleElement()
          .satisfies(
              e ->
                  assertThat(((InvalidInputException) e).errors().get("amountPence"))
                      .contains("would overdraw it by £20,000"));
    } finally {
      pool.shutdownNow();
    }
    Reserve after = admin(() -> portfolio.findReserve(reserve));
    assertThat(after.balancePence()).isEqualTo(4_000_000L);
    assertThat(after.movements()).hasSize(2);
    assertThat(admin(() -> budget.search(null, new SystemId(crm), null, 0, 10))).hasSize(1);
  }

  @Test
  void aNotedPressureIsOnEveryLaterBudgetSettingListUntilApprovedOrDropped() {
    UUID crm = system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, null);
    int y = 2030 + (int) (Math.random() * 60);
    FinancialYear year = new FinancialYear(y);
    UUID noting =
        decision(
            item(DecisionVerb.NOTED, 93_000_000L, year.toString()),
            item(DecisionVerb.NOTED, 1_000_000L, year.toString()));
    BudgetLineId pressure =
        admin(
            () ->
                budget.record(
                    line(
                        year.toString(),
                        93_000_000L,
                        SpendKind.REVENUE,
                        FundingKind.BASE_BUDGET,
                        null,
                        crm,
                        noting,
                        1)));
    BudgetLineId dropped =
        admin(
            () ->
                budget.record(
                    line(
                        year.toString(),
                        1_000_000L,
                        SpendKind.REVENUE,
                        FundingKind.BASE_BUDGET,
                        null,
                        crm,
                        noting,
                        2)));
    assertThat(admin(() -> budget.find(pressure)).status()).isEqualTo(BudgetLineStatus.PRESSURE);

    assertThat(ids(admin(() -> budget.budgetSetting(new FinancialYear(y - 1)))))
        .doesNotContain(pressure);
    assertThat(ids(admin(() -> budget.budgetSetting(year)))).contains(pressure, dropped);
    // Not approved in its year: carried to the next year's list.
    assertThat(ids(admin(() -> budget.budgetSetting(new FinancialYear(y + 1)))))
        .contains(pressure, dropped);
    // A pressure is not money spent: the warehouse's months leave it out.
    assertThat(budget.monthly(year)).noneMatch(m -> m.budgetLineId().equals(pressure));

    assertThatThrownBy(() -> admin(() -> budget.dropPressure(dropped, " ")))
        .isInstanceOf(InvalidInputException.class);
    admin(() -> budget.dropPressure(dropped, "Met from within existing budgets"));

    // Council approves the base budget increase a year later.
    UUID council =
        decision(item(DecisionVerb.APPROVED, 93_000_000L, new FinancialYear(y + 1).toString()));
    InvalidInputException noted =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class,
            () -> admin(() -> budget.approvePressure(pressure, noting, 1, null)));
    assertThat(noted.errors()).containsKey("decisionItem");
    BudgetLine approved =
        admin(
            () ->
                budget.approvePressure(pressure, council, 1, new FinancialYear(y + 1).toString()));
    assertThat(approved.status()).isEqualTo(BudgetLineStatus.APPROVED);
    assertThat(approved.financialYear()).isEqualTo(new FinancialYear(y + 1).toString());
    assertThat(approved.notedBy().item()).isEqualTo(1);
    assertThat(approved.approvedBy().decision().id().value()).isEqualTo(council);

    assertThat(ids(admin(() -> budget.budgetSetting(new FinancialYear(y + 1)))))
        .doesNotContain(pressure, dropped);
    List<BudgetMonth> months = budget.monthly(new FinancialYear(y + 1));
    assertThat(months.stream().filter(m -> m.budgetLineId().equals(pressure)))
        .hasSize(12)
        .allSatisfy(m -> assertThat(m.systemCodes()).hasSize(1))
        .extracting(BudgetMonth::amountPence)
        .containsOnly(7_750_000L);
  }

  @Test
  void aLineCannotTakeMoreThanItsDecisionItemOrAnotherYear() {
    UUID crm = system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, null);
    UUID decision = decision(item(DecisionVerb.AGREED, 105_500_000L, "2017/18"));
    admin(
        () ->
            budget.record(
                line(
                    "2017/18",
                    100_000_000L,
                    SpendKind.REVENUE,
                    FundingKind.BASE_BUDGET,
                    null,
                    crm,
                    decision,
                    1)));
    InvalidInputException more =
        refused(
            line(
                "2018/19",
                6_000_000L,
                SpendKind.REVENUE,
                FundingKind.BASE_BUDGET,
                null,
                crm,
                decision,
                1));
    assertThat(more.errors().get("financialYear"))
        .isEqualTo("Item 1 of the decision is for 2017/18");
    assertThat(more.errors().get("amountPence"))
        .isEqualTo("Item 1 is for £1,055,000; £55,000 of it is not yet given to budget lines");
    InvalidInputException noItem =
        refused(
            line(
                "2017/18", 1L, SpendKind.REVENUE, FundingKind.BASE_BUDGET, null, crm, decision, 3));
    assertThat(noItem.errors()).containsKey("decisionItem");
  }

  @Test
  void listsSystemsUnsupportedNowOrWithinTwelveMonths() throws Exception {
    LocalDate today = register.today();
    UUID unsupported = system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.UNSUPPORTED, null);
    UUID ending =
        system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, today.plusMonths(6));
    UUID later =
        system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, today.plusMonths(18));
    List<SupportRisk> risks = admin(() -> portfolio.catchUpAndKeepPace());
    assertThat(risks.stream().map(r -> r.system().id().value()))
        .contains(unsupported, ending)
        .doesNotContain(later);
    assertThat(risks)
        .filteredOn(r -> r.system().id().value().equals(unsupported))
        .singleElement()
        .satisfies(r -> assertThat(r.unsupportedNow()).isTrue());

    // A supported system whose support ended is refused, naming the field.
    InvalidInputException ended =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class,
            () -> system(SystemPhase.PROJECT, SupportStatus.SUPPORTED, today.minusDays(1)));
    assertThat(ended.errors()).containsKey("endOfSupport");

    String json =
        mvc.perform(
                get("/api/v1/systems/catch-up")
                    .with(signedIn.request(Fixtures.ANALYST))
                    .accept(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<Integer>read(json, "$.horizonMonths")).isEqualTo(12);
    assertThat(JsonPath.<List<String>>read(json, "$.systems[*].system.id"))
        .contains(unsupported.toString(), ending.toString())
        .doesNotContain(later.toString());
  }

  @Test
  void theJsonApiRecordsAndReadsBudgetLinesWithFieldErrors() throws Exception {
    UUID crm = system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, null);
    UUID decision = decision(item(DecisionVerb.AGREED, null, null));
    MockHttpServletResponse refused =
        mvc.perform(
                post("/api/v1/budget-lines")
                    .with(signedIn.request(Fixtures.ADMIN))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"financialYear": "2017/19", "amountPence": 100, "spend": "CAPITAL",
                         "funding": "CAPITAL_PROGRAMME", "systemIds": ["%s"],
                         "description": "Bad", "decisionId": "%s", "decisionItem": 1}"""
                            .formatted(crm, decision)))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
        .containsExactlyInAnyOrder("financialYear", "spend");

    MockHttpServletResponse created =
        mvc.perform(
                post("/api/v1/budget-lines")
                    .with(signedIn.request(Fixtures.ADMIN))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"financialYear": "2017/18", "amountPence": 105500000, "spend": "REVENUE",
                         "funding": "GRANT", "grantName": "Local Digital Fund",
                         "systemIds": ["%s"], "description": "Support",
                         "decisionId": "%s", "decisionItem": 1}"""
                            .formatted(crm, decision)))
            .andReturn()
            .getResponse();
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    assertThat(JsonPath.<String>read(created.getContentAsString(), "$.status"))
        .isEqualTo("APPROVED");
    assertThat(JsonPath.<String>read(created.getContentAsString(), "$.approvedBy.decision.id"))
        .isEqualTo(decision.toString());

    String list =
        mvc.perform(
                get("/api/v1/budget-lines?financialYear=2017/18&system=" + crm)
                    .with(signedIn.request(Fixtures.ANALYST))
                    .accept(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<Integer>>read(list, "$.budgetLines[*].amountPence"))
        .containsExactly(105_500_000);
    assertThat(
            mvc.perform(
                    get("/api/v1/budget-setting?financialYear=2018-19")
                        .with(signedIn.request(Fixtures.ANALYST)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(400);
  }

  @Test
  void financeRecordsActualsOnTheLinesPageAndOverTheApiWithClearErrors() throws Exception {
    UUID line = approvedLine(12_000_000L);
    String page = "/portfolio/budget-lines/" + line + "/actuals";
    MockHttpServletResponse saved =
        form(page, "month", "2017-10", "amount", "£12,500.50", "source", "Ledger, period 7");
    assertThat(saved.getStatus()).isEqualTo(302);
    assertThat(
            mvc.perform(
                    get("/portfolio/budget-lines/" + line).with(signedIn.request(Fixtures.FINANCE)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("£12,500.50", "Ledger, period 7", "Not recorded");

    String negative =
        form(page, "month", "2017-10", "amount", "-5", "source", "x").getContentAsString();
    assertThat(negative).contains("The amount spent must be an amount of money");
    String fraction =
        form(page, "month", "2017-10", "amount", "12.505", "source", "x").getContentAsString();
    assertThat(fraction).contains("The amount spent must be an amount of money");
    String outside =
        form(page, "month", "2018-04", "amount", "£1.055m", "source", "x").getContentAsString();
    assertThat(outside).contains("from April 2017 to March 2018, not April 2018");

    MockHttpServletResponse api =
        actualApi(
            line, "{\"month\": \"2017-11\", \"amountPence\": 1000000, \"source\": \"Ledger\"}");
    assertThat(api.getStatus()).as(api.getContentAsString()).isEqualTo(201);
    assertThat(
            actualApi(line, "{\"month\": \"2017-11\", \"amountPence\": 12.5, \"source\": \"x\"}"))
        .satisfies(r -> assertThat(r.getStatus()).isEqualTo(400))
        .satisfies(
            r ->
                assertThat(JsonPath.<List<String>>read(r.getContentAsString(), "$.errors[*].field"))
                    .containsExactly("amountPence"));
    MockHttpServletResponse badMonth =
        actualApi(line, "{\"month\": \"2019-01\", \"amountPence\": -1, \"source\": \"\"}");
    assertThat(JsonPath.<List<String>>read(badMonth.getContentAsString(), "$.errors[*].field"))
        .containsExactlyInAnyOrder("month", "amountPence", "source");
    assertThat(actualApi(UUID.randomUUID(), "{}").getStatus()).isEqualTo(404);

    // Recorded again, a month's figure is replaced; the earlier one stays in the history.
    assertThat(
            actualApi(
                    line,
                    "{\"month\": \"2017-10\", \"amountPence\": 1250000, \"source\": \"Corrected\"}")
                .getStatus())
        .isEqualTo(201);
    FinancialYear year = new FinancialYear(2017);
    assertThat(budget.monthly(year))
        .filteredOn(m -> m.budgetLineId().value().equals(line))
        .extracting(m -> m.month().toString() + "=" + m.actualPence())
        .contains("2017-10=1250000", "2017-11=1000000", "2017-12=null");
    assertThat(signedIn.as(Fixtures.FINANCE, () -> actuals.history(new BudgetLineId(line))))
        .extracting(BudgetActual::amountPence)
        .containsExactly(1_250_050L, 1_250_000L, 1_000_000L);
    assertThat(outbox.readAfter(0, 100_000))
        .filteredOn(e -> e.eventType().equals("budget-line.actual-recorded.v1"))
        .filteredOn(e -> e.aggregateId().equals(line.toString()))
        .hasSize(3);
  }

  @Test
  void aLedgerImportIsAllOrNothingWithEveryProblemOnItsLine() throws Exception {
    UUID first = approvedLine(12_000_000L);
    UUID second = approvedLine(2_400_000L);
    String bad =
        String.join(
            "\n",
            "budget_line,amount",
            first + ",87916.67",
            second + ",-5",
            UUID.randomUUID() + ",10",
            first + ",1",
            "not-an-id,1",
            ",\"£1.505\"");
    MockHttpServletResponse refused = importCsv("2017-10", bad);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
        .containsExactly(
            "line 3 amount",
            "line 4 budget_line",
            "line 5 budget_line",
            "line 6 budget_line",
            "line 7 budget_line",
            "line 7 amount");
    assertThat(signedIn.as(Fixtures.FINANCE, () -> actuals.history(new BudgetLineId(first))))
        .isEmpty();
    MockHttpServletResponse wrongYear =
        importCsv("2018-04", "budget_line,amount\n" + first + ",10\n");
    assertThat(JsonPath.<List<String>>read(wrongYear.getContentAsString(), "$.errors[*].field"))
        .containsExactly("line 2 month");
    assertThat(importCsv("2017-10", "line,cost\n").getContentAsString())
        .contains("must name the columns budget_line and amount");

    assertThat(
            importCsv("2017-10", "budget_line,amount\n" + first + ",\"10\n").getContentAsString())
        .contains("line 2", "not CSV");

    // A ledger's own export: quoted commas, a description over two lines, a blank row, a BOM.
    String good = LedgerCsvTests.ledgerExport(first.toString(), second.toString());
    MockHttpServletResponse imported = importCsv("2017-10", good);
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(imported.getContentAsString(), "$.imported")).isEqualTo(2);
    assertThat(signedIn.as(Fixtures.FINANCE, () -> actuals.history(new BudgetLineId(first))))
        .extracting(BudgetActual::amountPence)
        .containsExactly(8_791_667L);

    // The page: every problem listed, nothing imported; then the month imported.
    String page =
        mvc.perform(
                multipart("/portfolio/actuals/import")
                    .file(new MockMultipartFile("file", "ledger.csv", "text/csv", bad.getBytes()))
                    .param("month", "2017-11")
                    .param("source", "Ledger import")
                    .with(signedIn.request(Fixtures.FINANCE))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Line 3:", "Line 7:", "The file has 6 problems");
    MockHttpServletResponse done =
        mvc.perform(
                multipart("/portfolio/actuals/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "ledger.csv",
                            "text/csv",
                            good.getBytes(StandardCharsets.UTF_8)))
                    .param("month", "2017-11")
                    .param("source", "Ledger import")
                    .with(signedIn.request(Fixtures.FINANCE))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(done.getRedirectedUrl()).isEqualTo("/portfolio/budget?year=2017/18");
  }

  @Test
  void anApprovedLineIsReversedByARecordedCorrectionThatRepaysItsReserve() throws Exception {
    ReserveId reserve = reserve(10_000_000L);
    UUID system = system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, null);
    UUID decision = decision(item(DecisionVerb.AGREED, 4_000_000L, "2017/18"));
    BudgetLineId line =
        admin(
            () ->
                budget.record(
                    line(
                        "2017/18",
                        4_000_000L,
                        SpendKind.REVENUE,
                        FundingKind.RESERVE,
                        reserve,
                        system,
                        decision,
                        1)));
    assertThat(admin(() -> portfolio.findReserve(reserve)).balancePence()).isEqualTo(6_000_000L);
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                    InvalidInputException.class, () -> admin(() -> budget.reverse(line, " ")))
                .errors())
        .containsOnlyKeys("reason");

    BudgetLine reversed = admin(() -> budget.reverse(line, "Recorded against the wrong year"));
    assertThat(reversed.status()).isEqualTo(BudgetLineStatus.REVERSED);
    assertThat(reversed.reversedReason()).isEqualTo("Recorded against the wrong year");
    assertThat(reversed.reversedOn()).isEqualTo(register.today());
    Reserve repaid = admin(() -> portfolio.findReserve(reserve));
    assertThat(repaid.balancePence()).isEqualTo(10_000_000L);
    assertThat(repaid.movements())
        .extracting(ReserveMovement::kind, ReserveMovement::amountPence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ReserveMovement.Kind.OPENING, 10_000_000L),
            org.assertj.core.groups.Tuple.tuple(ReserveMovement.Kind.DRAWDOWN, -4_000_000L),
            org.assertj.core.groups.Tuple.tuple(ReserveMovement.Kind.REPAYMENT, 4_000_000L));
    assertThat(budget.monthly(new FinancialYear(2017)))
        .noneMatch(m -> m.budgetLineId().equals(line));
    assertThat(outbox.readAfter(0, 100_000))
        .filteredOn(e -> e.aggregateId().equals(line.toString()))
        .extracting(org.borough.system.Outbox.Entry::eventType)
        .containsExactly("budget-line.approved.v1", "budget-line.reversed.v1");
    assertThatThrownBy(() -> admin(() -> budget.reverse(line, "Again")))
        .isInstanceOf(org.borough.system.ConflictException.class);
    // The item's money is free again for a line in the right place.
    assertThat(
            admin(
                () ->
                    budget.record(
                        line(
                            "2017/18",
                            4_000_000L,
                            SpendKind.REVENUE,
                            FundingKind.BASE_BUDGET,
                            null,
                            system,
                            decision,
                            1))))
        .isNotNull();

    // Money spent cannot be reversed away; over the API that is a 409.
    UUID spent = approvedLine(1_200_000L);
    signedIn.as(
        Fixtures.FINANCE, () -> actuals.record(new BudgetLineId(spent), "2017-05", 100L, "Ledger"));
    MockHttpServletResponse conflict =
        mvc.perform(
                post("/api/v1/budget-lines/" + spent + "/reverse")
                    .with(signedIn.request(Fixtures.ADMIN))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\": \"Wrong\"}"))
            .andReturn()
            .getResponse();
    assertThat(conflict.getStatus()).isEqualTo(409);
    assertThat(conflict.getContentAsString()).contains("Actual spend is recorded");
  }

  // --- helpers --------------------------------------------------------------------------------

  /** An approved 2017/18 line of this many pence for a new system. */
  private UUID approvedLine(long pence) {
    UUID system = system(SystemPhase.BUSINESS_AS_USUAL, SupportStatus.SUPPORTED, null);
    UUID decision = decision(item(DecisionVerb.AGREED, null, null));
    return admin(
            () ->
                budget.record(
                    line(
                        "2017/18",
                        pence,
                        SpendKind.REVENUE,
                        FundingKind.BASE_BUDGET,
                        null,
                        system,
                        decision,
                        1)))
        .value();
  }

  private MockHttpServletResponse form(String uri, String... fields) throws Exception {
    var request = post(uri).with(signedIn.request(Fixtures.FINANCE)).with(csrf());
    for (int i = 0; i < fields.length; i += 2) {
      request.param(fields[i], fields[i + 1]);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse actualApi(UUID line, String json) throws Exception {
    return mvc.perform(
            post("/api/v1/budget-lines/" + line + "/actuals")
                .with(signedIn.request(Fixtures.FINANCE))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse importCsv(String month, String csv) throws Exception {
    return mvc.perform(
            post("/api/v1/budget-actuals/import")
                .param("month", month)
                .with(signedIn.request(Fixtures.FINANCE))
                .with(csrf())
                .contentType("text/csv")
                .content(csv))
        .andReturn()
        .getResponse();
  }

  private <T> T admin(java.util.function.Supplier<T> action) {
    return signedIn.as(Fixtures.ADMIN, action);
  }

  private InvalidInputException refused(NewBudgetLine line) {
    return org.junit.jupiter.api.Assertions.assertThrows(
        InvalidInputException.class, () -> admin(() -> budget.record(line)));
  }

  private static String code() {
    return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  private UUID system(SystemPhase phase, SupportStatus status, LocalDate end) {
    String code = code();
    return admin(
            () ->
                portfolio.registerSystem(
                    new IctSystemDetails(
                        code, "System " + code, null, "ICT service", phase, null, status, end)))
        .value();
  }

  private ReserveId reserve(long pence) {
    String code = code();
    return admin(
        () -> portfolio.openReserve(code, "Reserve " + code, pence, LocalDate.of(2017, 4, 1)));
  }

  private static DecisionItem item(DecisionVerb verb, Long pence, String year) {
    return new DecisionItem(null, verb, "the money", pence, year, null, null, null);
  }

  /** A published decision with these items. */
  private UUID decision(DecisionItem... items) {
    DecisionDetails d = CabinetDecisions.of("Portfolio " + UUID.randomUUID(), items);
    return signedIn
        .as(Fixtures.DEMOCRATIC_SERVICES, () -> register.importDecisions(List.of(d)))
        .get(0)
        .value();
  }

  private static NewBudgetLine line(
      String year,
      long pence,
      SpendKind spend,
      FundingKind funding,
      ReserveId reserve,
      UUID system,
      UUID decision,
      int item) {
    return new NewBudgetLine(
        year,
        pence,
        spend,
        funding,
        reserve == null ? null : reserve.value(),
        null,
        List.of(system),
        "Support for the system",
        decision,
        item);
  }

  private static List<BudgetLineId> ids(List<BudgetLine> lines) {
    return lines.stream().map(BudgetLine::id).toList();
  }
}
