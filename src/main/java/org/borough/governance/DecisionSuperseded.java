// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A published decision was superseded by a later one, and is no longer in force. */
@EventType("decision.superseded")
public record DecisionSuperseded(DecisionId decisionId, DecisionId supersededBy)
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
