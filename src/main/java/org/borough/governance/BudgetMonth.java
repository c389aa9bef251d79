// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.YearMonth;
import java.util.List;

/**
 * One month of an approved budget line, for the warehouse's {@code fact_budget}: amounts and codes
 * only, no personal data. A line's twelve months add up to its amount to the penny (the odd pence
 * go to the first months).
 *
 * @param amountPence the month's share of the budget
 * @param actualPence what was actually spent in the month, as last recorded; null when nothing is
 *     recorded yet (which is not the same as nothing spent)
 */
public record BudgetMonth(
    BudgetLineId budgetLineId,
    String financialYear,
    YearMonth month,
    long amountPence,
    Long actualPence,
    SpendKind spend,
    FundingKind funding,
    String reserveCode,
    List<String> systemCodes) {

  /**
   * A line's amount spread over the twelve months of its year, April first: the spread {@link
   * BudgetLines#monthly} uses, for whoever rebuilds the months from a {@link BudgetLineApproved}.
   */
  public static List<Long> spread(long amountPence) {
    return BudgetRules.monthly(amountPence);
  }
}
