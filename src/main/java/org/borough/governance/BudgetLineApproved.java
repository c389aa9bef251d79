// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.util.List;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * A budget line was approved, at once or as an approved pressure. Carries amounts and codes only,
 * no personal data, so the warehouse can load {@code fact_budget} from the outbox.
 */
@EventType("budget-line.approved")
public record BudgetLineApproved(
    BudgetLineId budgetLineId,
    String financialYear,
    long amountPence,
    SpendKind spend,
    FundingKind funding,
    String reserveCode,
    List<String> systemCodes,
    DecisionId decisionId,
    int decisionItem)
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
