// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.YearMonth;
import java.util.List;

/**
 * One month's share of an approved budget line, for the warehouse's {@code fact_budget}: amounts
 * and codes only, no personal data. A line's twelve months add up to its amount to the penny (the
 * odd pence go to the first months).
 */
public record BudgetMonth(
    BudgetLineId budgetLineId,
    String financialYear,
    YearMonth month,
    long amountPence,
    SpendKind spend,
    FundingKind funding,
    String reserveCode,
    List<String> systemCodes) {}
