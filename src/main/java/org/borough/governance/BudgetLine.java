// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A budget line: money for a financial year, revenue or capital, from one funding source, for the
 * systems it funds, with the decision items that noted and approved it.
 *
 * @param notedBy the item that noted it as a budget pressure; null when it was approved at once
 * @param approvedBy the item that approved it; null while it is a pressure, or dropped
 * @param reversedOn when an approved line was reversed, with {@code reversedReason}; null otherwise
 * @param version raised by every approval, drop or reversal; a change names the version it was made
 *     to, so two people acting on one line cannot both succeed
 */
public record BudgetLine(
    BudgetLineId id,
    String financialYear,
    long amountPence,
    SpendKind spend,
    FundingKind funding,
    Ref reserve,
    String grantName,
    List<Ref> systems,
    String description,
    BudgetLineStatus status,
    ItemRef notedBy,
    ItemRef approvedBy,
    LocalDate droppedOn,
    String droppedReason,
    LocalDate reversedOn,
    String reversedReason,
    Instant recordedAt,
    Instant updatedAt,
    int version) {

  /** A reserve or system named by its id, code and name. */
  public record Ref(java.util.UUID id, String code, String name) {}

  /** One numbered item of a decision. */
  public record ItemRef(DecisionRef decision, int item) {}
}
