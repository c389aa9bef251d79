// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** What was decided about a called-in decision was recorded; its status follows the outcome. */
@EventType("decision.call-in-decided")
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
