// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The funding rules the ICT Resources Review states, and the monthly spread of a budget line. Pure
 * functions, so they are tested without a database.
 */
final class BudgetRules {

  private BudgetRules() {}

  /** Whether the line is capital: capital spending, or money from the capital programme. */
  static boolean capital(SpendKind spend, FundingKind funding) {
    return spend == SpendKind.CAPITAL || funding == FundingKind.CAPITAL_PROGRAMME;
  }

  /**
   * Why capital cannot fund these systems: a system in business as usual needs ongoing support,
   * which is revenue spending ("the use of capital funding is no longer appropriate"). Empty when
   * the line is not capital or no system is in business as usual.
   */
  static Optional<String> capitalRefusal(
      List<IctSystem> systems, SpendKind spend, FundingKind funding) {
    if (!capital(spend, funding)) {
      return Optional.empty();
    }
    List<String> bau =
        systems.stream().filter(IctSystem::businessAsUsual).map(s -> s.details().name()).toList();
    if (bau.isEmpty()) {
      return Optional.empty();
    }
    String names =
        bau.size() == 1
            ? bau.get(0) + " is"
            : bau.subList(0, bau.size() - 1).stream().collect(Collectors.joining(", "))
                + " and "
                + bau.get(bau.size() - 1)
                + " are";
    return Optional.of(
        names
            + " in business as usual: capital funding is not appropriate for ongoing support;"
            + " fund it as revenue from the base budget, a reserve or a grant");
  }

  /**
   * An amount spread over the twelve months of a financial year, April first, adding up to the
   * penny: the odd pence go one each to the first months.
   */
  static List<Long> monthly(long amountPence) {
    long base = amountPence / 12;
    long odd = amountPence % 12;
    List<Long> months = new ArrayList<>(12);
    for (int m = 0; m < 12; m++) {
      months.add(base + (m < odd ? 1 : 0));
    }
    return months;
  }

  /** The months of a financial year, April to March. */
  static List<YearMonth> months(FinancialYear year) {
    return year.months();
  }
}
