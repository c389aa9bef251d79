// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.borough.governance.BudgetActuals;
import org.borough.governance.BudgetLineId;
import org.borough.governance.BudgetLines;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionDocument;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionIssue;
import org.borough.governance.DecisionItem;
import org.borough.governance.DecisionMaker;
import org.borough.governance.DecisionRegister;
import org.borough.governance.DecisionVerb;
import org.borough.governance.DeclaredInterest;
import org.borough.governance.ExemptParagraph;
import org.borough.governance.FinancialYear;
import org.borough.governance.FundingKind;
import org.borough.governance.InterestKind;
import org.borough.governance.NewBudgetLine;
import org.borough.governance.SpendKind;

/**
 * The ICT budget of the years the demo's contacts cover, so that the warehouse's cost per contact
 * shows a figure on first start: the seed decision's budget lines are for 2017/18 and 2018/19 only,
 * and the demo's contacts are of the last few years. For each financial year from the first
 * contact's to today's, Council sets the budget in February (an illustrative decision, named so on
 * the register) and agrees the ICT base budget for the key priority systems at the £930,000 a year
 * the seed decision noted as the underlying pressure; each month that has ended gets an
 * illustrative actual from a ledger, within a tenth of a twelfth of the year's budget.
 */
final class DemoBudgets {

  /** The underlying pressure the seed decision noted for 2018/19, carried into later years. */
  static final long YEARLY_PENCE = 93_000_000L;

  static final String SOURCE = "Ledger (demo data, illustrative)";

  private DemoBudgets() {}

  /**
   * Records each year's decision, budget line and actuals; returns how many budget lines.
   *
   * @param systems the systems the budget funds
   * @param from the day the demo's first contacts were made
   * @param today the demo's today: months that have not ended get no actuals
   */
  static int load(
      DecisionRegister decisions,
      BudgetLines budget,
      BudgetActuals actuals,
      List<UUID> systems,
      LocalDate from,
      LocalDate today,
      long seed) {
    Random random = new Random(seed);
    List<FinancialYear> years = new ArrayList<>();
    for (int y = FinancialYear.of(from).startYear();
        y <= FinancialYear.of(today).startYear();
        y++) {
      years.add(new FinancialYear(y));
    }
    List<DecisionDetails> budgets = years.stream().map(DemoBudgets::councilBudget).toList();
    List<DecisionId> ids = decisions.importDecisions(budgets);
    for (int i = 0; i < years.size(); i++) {
      FinancialYear year = years.get(i);
      BudgetLineId line =
          budget.record(
              new NewBudgetLine(
                  year.toString(),
                  YEARLY_PENCE,
                  SpendKind.REVENUE,
                  FundingKind.BASE_BUDGET,
                  null,
                  null,
                  systems,
                  "ICT base budget for the key priority systems: CRM, data warehouse and secure"
                      + " infrastructure (illustrative demo figure)",
                  ids.get(i).value(),
                  1));
      for (YearMonth month : year.months()) {
        if (!month.atEndOfMonth().isBefore(today)) {
          break;
        }
        long twelfth = YEARLY_PENCE / 12;
        long pence = twelfth + Math.round(twelfth * (random.nextDouble() - 0.5) / 5);
        actuals.record(line, month.toString(), pence, SOURCE);
      }
    }
    return years.size();
  }

  private static DecisionDetails councilBudget(FinancialYear year) {
    LocalDate meeting = LocalDate.of(year.startYear(), 2, 26);
    return new DecisionDetails(
        new DecisionIssue(
            "Budget and council tax " + year + " (illustrative demo decision)", null, List.of()),
        new DecisionMaker(DecisionMaker.Kind.BODY, "Council", List.of()),
        meeting,
        "Cabinet Member for Financial Management, Transformation & IT",
        meeting,
        meeting,
        false,
        false,
        null,
        "Generated with Borough's demo data, not a real decision: Council sets the "
            + year
            + " budget, so that the demo's ICT budget covers the years of its contacts and the"
            + " warehouse can show what a contact costs.",
        List.of(
            new DecisionItem(
                1,
                DecisionVerb.AGREED,
                "the ICT base budget for the key priority systems (CRM, data warehouse and secure"
                    + " infrastructure) of £930,000 for "
                    + year
                    + ".",
                YEARLY_PENCE,
                year.toString(),
                "Base budget",
                null,
                null)),
        "The underlying budget pressure noted in the ICT Resources Review (Cabinet, 15/12/2017)"
            + " continues: the key priority systems need ongoing revenue support.",
        List.of(),
        null,
        // An example of a declared interest, so that the demo's register shows how one reads.
        List.of(
            new DeclaredInterest(
                "Cllr Sam Example (demo)",
                InterestKind.OTHER_REGISTRABLE,
                "A relative works for one of the council's ICT suppliers",
                "the Standards Committee",
                meeting.minusDays(14))),
        // An exempt appendix (Schedule 12A, paragraph 3), so the register shows how one reads.
        List.of(
            new DecisionDocument(
                "Appendix: ICT suppliers' prices (demo)",
                null,
                ExemptParagraph.FINANCIAL_OR_BUSINESS)));
  }
}
