// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The council's constitution, as far as the register needs it ({@code BOROUGH_GOVERNANCE_…}).
 *
 * @param keyDecisionThreshold in pounds: a decision whose items add up to this or more is suggested
 *     as a key decision (councils set £100,000 to £500,000)
 * @param callInWorkingDays working days after publication during which a decision may be called in
 *     (constitutions say 3, 4 or 5)
 * @param forwardPlanClearDays clear days between a forward-plan notice and a key decision (reg 9)
 * @param generalExceptionClearDays clear days between a general-exception notice and the decision
 *     (reg 10)
 * @param supportHorizonMonths a system whose support ends within this many months is on the "catch
 *     up and keep pace" list
 */
@ConfigurationProperties("borough.governance")
public record GovernanceProperties(
    @DefaultValue("500000") BigDecimal keyDecisionThreshold,
    @DefaultValue("5") int callInWorkingDays,
    @DefaultValue("28") int forwardPlanClearDays,
    @DefaultValue("5") int generalExceptionClearDays,
    @DefaultValue("12") int supportHorizonMonths) {

  public long keyDecisionThresholdPence() {
    return keyDecisionThreshold.movePointRight(2).longValueExact();
  }
}
