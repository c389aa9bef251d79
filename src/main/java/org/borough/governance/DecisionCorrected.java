// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A published decision was corrected; {@code version} is the new version. */
@EventType("decision.corrected")
public record DecisionCorrected(DecisionId decisionId, int version, String reason)
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
