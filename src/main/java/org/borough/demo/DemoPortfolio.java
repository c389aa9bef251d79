// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.borough.governance.BudgetActuals;
import org.borough.governance.BudgetLines;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionQuery;
import org.borough.governance.DecisionRegister;
import org.borough.governance.FundingKind;
import org.borough.governance.IctPortfolio;
import org.borough.governance.IctSystemDetails;
import org.borough.governance.NewBudgetLine;
import org.borough.governance.ReserveId;
import org.borough.governance.SpendKind;
import org.borough.governance.SupportStatus;
import org.borough.governance.SystemPhase;

/**
 * The ICT portfolio's demo data, as the ICT Resources Review of 15/12/2017 describes it: the CRM,
 * the data warehouse and the secure infrastructure, all in business as usual; the oneSource
 * Reserve; the 2017/18 budget line of £1,055,000 it funded (item 1, agreed); and the underlying
 * pressure of £930,000 from 2018/19 (item 2, noted, referred to Council). The document gives no
 * owners, suppliers or support dates, so none are invented: the owner is the ICT service, and no
 * supplier or end of support is recorded. The reserve's opening balance is illustrative: the
 * document does not give it.
 */
final class DemoPortfolio {

  /** Illustrative: the document does not say what the oneSource Reserve held. */
  static final long ONESOURCE_OPENING_PENCE = 200_000_000L;

  static final LocalDate ONESOURCE_AS_OF = LocalDate.of(2017, 4, 1);

  private DemoPortfolio() {}

  /**
   * Records the seed portfolio unless there are systems already, and the budget of the demo's years
   * ({@link DemoBudgets}); returns how many budget lines.
   *
   * @param from the day the demo's contacts start
   * @param today the demo's today
   */
  static int load(
      IctPortfolio portfolio,
      BudgetLines budget,
      BudgetActuals actuals,
      DecisionRegister decisions,
      LocalDate from,
      LocalDate today,
      long seed) {
    return Acting.as(
        () -> {
          if (!portfolio.systems().isEmpty()) {
            return 0;
          }
          List<DecisionId> review =
              decisions
                  .search(
                      new DecisionQuery(
                          LocalDate.of(2017, 12, 15),
                          LocalDate.of(2017, 12, 15),
                          "Cabinet",
                          false,
                          null,
                          "ICT Resources Review",
                          0,
                          1))
                  .stream()
                  .map(s -> s.id())
                  .toList();
          List<UUID> systems =
              List.of(
                      system(
                          "CRM",
                          "Customer Relationship Management (CRM)",
                          "One of the council's key priority systems (ICT Resources Review,"
                              + " 15/12/2017)."),
                      system(
                          "DWH",
                          "Data Warehouse (DWH)",
                          "\"Data Ware House (DWH)\" in the ICT Resources Review: one of the"
                              + " council's key priority systems."),
                      system(
                          "SECURE-INFRA",
                          "Secure infrastructure",
                          "The council's network and security infrastructure; \"the resources"
                              + " are critical to ensure we maintain the infrastructure"
                              + " security\"."))
                  .stream()
                  .map(d -> portfolio.registerSystem(d).value())
                  .toList();
          ReserveId onesource =
              portfolio.openReserve(
                  "ONESOURCE", "oneSource Reserve", ONESOURCE_OPENING_PENCE, ONESOURCE_AS_OF);
          if (review.isEmpty()) {
            return 0;
          }
          UUID decision = review.get(0).value();
          budget.record(
              new NewBudgetLine(
                  "2017/18",
                  105_500_000L,
                  SpendKind.REVENUE,
                  FundingKind.RESERVE,
                  onesource.value(),
                  null,
                  systems,
                  "Increase in the 2017/18 ICT budget to support key priority ICT systems and"
                      + " projects",
                  decision,
                  1));
          budget.record(
              new NewBudgetLine(
                  "2018/19",
                  93_000_000L,
                  SpendKind.REVENUE,
                  FundingKind.BASE_BUDGET,
                  null,
                  null,
                  systems,
                  "Underlying ICT budget pressure: increase in the base budget from 2018/19,"
                      + " for Council in February 2018",
                  decision,
                  2));
          return 2 + DemoBudgets.load(decisions, budget, actuals, systems, from, today, seed);
        },
        "PORTFOLIO_READ",
        "PORTFOLIO_MANAGE",
        "DECISION_PUBLISH",
        "BUDGET_ACTUALS_RECORD");
  }

  private static IctSystemDetails system(String code, String name, String description) {
    return new IctSystemDetails(
        code,
        name,
        description,
        "ICT service",
        SystemPhase.BUSINESS_AS_USUAL,
        null,
        SupportStatus.SUPPORTED,
        null);
  }
}
