// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * A decision was published (or imported as published). {@code totalPence} is the sum of its items'
 * amounts, for the warehouse's budget facts.
 */
@EventType("decision.published")
public record DecisionPublished(
    DecisionId decisionId,
    String title,
    String decisionMaker,
    LocalDate decisionDate,
    LocalDate publicationDate,
    boolean keyDecision,
    LocalDate callInDeadline,
    long totalPence)
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
