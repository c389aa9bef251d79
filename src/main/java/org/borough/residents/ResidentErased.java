// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * A resident's personal data was erased (UK GDPR Art. 17). Published inside the erasure's
 * transaction: the modules that hold something about the resident remove it in the same commit, and
 * the warehouse forgets the resident's pseudonym when it loads the event. Carries only the id.
 */
@EventType("resident.erased")
public record ResidentErased(ResidentId residentId) implements DomainEvent {

  @Override
  public String aggregateType() {
    return "resident";
  }

  @Override
  public String aggregateId() {
    return residentId.toString();
  }
}
