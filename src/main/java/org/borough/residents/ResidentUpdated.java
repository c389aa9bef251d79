// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import org.borough.system.DomainEvent;

/** A resident's details changed. */
public record ResidentUpdated(ResidentId residentId, String wardCode) implements DomainEvent {
  @Override
  public String aggregateType() {
    return "resident";
  }

  @Override
  public String aggregateId() {
    return residentId.toString();
  }
}
