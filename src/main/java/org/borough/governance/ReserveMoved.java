// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** Money went into or out of a reserve; {@code budgetLineId} names the line a drawdown funds. */
@EventType("reserve.moved")
public record ReserveMoved(
    ReserveId reserveId,
    String code,
    ReserveMovement.Kind kind,
    long amountPence,
    long balanceAfterPence,
    LocalDate onDate,
    BudgetLineId budgetLineId)
    implements DomainEvent {
  @Override
  public String aggregateType() {
    return "reserve";
  }

  @Override
  public String aggregateId() {
    return reserveId.toString();
  }
}
