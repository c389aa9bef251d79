// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.util.List;
import java.util.UUID;

/**
 * A budget line to record, and the decision item that approved it (Agreed, Approved) or noted it as
 * a budget pressure (Noted, Recommended to Council).
 *
 * @param financialYear written like {@code 2017/18}
 * @param reserveId the reserve drawn down, when {@code funding} is {@link FundingKind#RESERVE}
 * @param grantName the grant, when {@code funding} is {@link FundingKind#GRANT}
 * @param systemIds the systems the money funds, at least one
 */
public record NewBudgetLine(
    String financialYear,
    Long amountPence,
    SpendKind spend,
    FundingKind funding,
    UUID reserveId,
    String grantName,
    List<UUID> systemIds,
    String description,
    UUID decisionId,
    Integer decisionItem) {

  public NewBudgetLine {
    systemIds = systemIds == null ? List.of() : systemIds.stream().distinct().toList();
  }
}
