// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import org.borough.system.DomainEvent;

/** What was decided about a called-in decision was recorded; its status follows the outcome. */
public record DecisionCallInDecided(
    DecisionId decisionId, CallInOutcome.Outcome outcome, LocalDate decidedOn)
    implements DomainEvent {
  @Override
  public String aggregateType() {
    return "decision";
  }

  @Override
  public String aggregateId() {
    return decisionId.toString();
  }
}
