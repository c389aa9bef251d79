// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.util.List;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * An approved budget line was reversed by a recorded correction: it is no longer budget (and a
 * reserve drawdown that funded it was repaid, a {@link ReserveMoved} of its own). Amounts and codes
 * only, for the warehouse's {@code fact_budget}.
 */
@EventType("budget-line.reversed")
public record BudgetLineReversed(
    BudgetLineId budgetLineId, String financialYear, long amountPence, List<String> systemCodes)
    implements DomainEvent {
  @Override
  public String aggregateType() {
    return "budget-line";
  }

  @Override
  public String aggregateId() {
    return budgetLineId.toString();
  }
}
