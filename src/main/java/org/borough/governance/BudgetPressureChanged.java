// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.util.List;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * A budget pressure was noted (status PRESSURE) or dropped (DROPPED). Its approval is a {@link
 * BudgetLineApproved}.
 */
@EventType("budget-line.pressure-changed")
public record BudgetPressureChanged(
    BudgetLineId budgetLineId,
    BudgetLineStatus status,
    String financialYear,
    long amountPence,
    List<String> systemCodes)
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
