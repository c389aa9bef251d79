// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borough.governance.BudgetActual;
import org.borough.governance.BudgetActuals;
import org.borough.governance.BudgetLine;
import org.borough.governance.BudgetMonth;
import org.borough.governance.FinancialYear;

/** A budget line's months as its page shows them: budget beside what was actually spent. */
final class ActualsView {

  private ActualsView() {}

  /**
   * One month of the line.
   *
   * @param actualPence null when nothing is recorded for the month
   * @param corrections how many earlier figures the actual replaced
   */
  record Month(
      String name,
      long budgetPence,
      Long actualPence,
      String source,
      Instant recordedAt,
      String recordedBy,
      int corrections) {}

  /** The twelve months of an approved line with their actuals; none for any other line. */
  static List<Month> of(BudgetLine line, List<BudgetActual> history) {
    if (line.status() != org.borough.governance.BudgetLineStatus.APPROVED) {
      return List.of();
    }
    Map<YearMonth, BudgetActual> latest = new HashMap<>();
    Map<YearMonth, Integer> count = new HashMap<>();
    for (BudgetActual a : history) {
      latest.put(a.month(), a); // the history is oldest first
      count.merge(a.month(), 1, Integer::sum);
    }
    List<YearMonth> calendar = year(line).months();
    List<Long> budget = BudgetMonth.spread(line.amountPence());
    List<Month> months = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      YearMonth month = calendar.get(m);
      BudgetActual a = latest.get(month);
      months.add(
          new Month(
              BudgetActuals.monthName(month),
              budget.get(m),
              a == null ? null : a.amountPence(),
              a == null ? null : a.source(),
              a == null ? null : a.recordedAt(),
              a == null ? null : a.recordedBy(),
              count.getOrDefault(month, 1) - 1));
    }
    return months;
  }

  /** The months of the line's year for the form's list: "2017-04" to "April 2017". */
  static Map<String, String> months(BudgetLine line) {
    Map<String, String> out = new LinkedHashMap<>();
    for (YearMonth m : year(line).months()) {
      out.put(m.toString(), BudgetActuals.monthName(m));
    }
    return out;
  }

  private static FinancialYear year(BudgetLine line) {
    return FinancialYear.parse(line.financialYear()).orElseThrow();
  }
}
