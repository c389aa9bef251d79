// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A resident was registered. Carries only the id: the outbox holds no personal data. */
@EventType("resident.registered")
public record ResidentRegistered(ResidentId residentId, String wardCode) implements DomainEvent {
  @Override
  public String aggregateType() {
    return "resident";
  }

  @Override
  public String aggregateId() {
    return residentId.toString();
  }
}
