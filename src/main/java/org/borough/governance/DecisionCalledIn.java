// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A published decision was called in, so it cannot be implemented until scrutiny has met. */
@EventType("decision.called-in")
public record DecisionCalledIn(DecisionId decisionId, LocalDate calledInOn) implements DomainEvent {
  @Override
  public String aggregateType() {
    return "decision";
  }

  @Override
  public String aggregateId() {
    return decisionId.toString();
  }
}
