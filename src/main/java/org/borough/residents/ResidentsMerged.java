// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * {@code merged} was a duplicate of {@code kept}. Published inside the merge's transaction; the
 * modules that reference residents move their records to {@code kept} in the same commit.
 */
@EventType("resident.merged")
public record ResidentsMerged(ResidentId kept, ResidentId merged) implements DomainEvent {
  @Override
  public String aggregateType() {
    return "resident";
  }

  @Override
  public String aggregateId() {
    return kept.toString();
  }
}
