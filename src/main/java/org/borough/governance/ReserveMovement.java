// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Money into a reserve (its opening balance, a contribution, the repayment of a drawdown whose
 * budget line was reversed) or out of it (a drawdown to fund a budget line). {@code amountPence} is
 * negative for a drawdown.
 */
public record ReserveMovement(
    Kind kind,
    long amountPence,
    long balanceAfterPence,
    LocalDate onDate,
    String description,
    BudgetLineId budgetLineId,
    Instant recordedAt) {

  public enum Kind {
    OPENING,
    CONTRIBUTION,
    DRAWDOWN,
    REPAYMENT
  }
}
