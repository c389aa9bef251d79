// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * What was spent on an approved budget line in one month was recorded (or recorded again, which
 * replaces the figure). Amounts and codes only, no personal data, for the warehouse's {@code
 * fact_budget}.
 *
 * @param month written {@code 2017-10}
 * @param amountPence the month's actual spend now
 */
@EventType("budget-line.actual-recorded")
public record BudgetActualRecorded(
    BudgetLineId budgetLineId, String financialYear, String month, long amountPence)
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
