// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A draft decision was recorded. */
@EventType("decision.recorded")
public record DecisionRecorded(DecisionId decisionId, String title) implements DomainEvent {
  @Override
  public String aggregateType() {
    return "decision";
  }

  @Override
  public String aggregateId() {
    return decisionId.toString();
  }
}
