// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** An administrator issued an API key to an Open311 client application. */
@EventType("open311-client.issued")
public record Open311ClientIssued(UUID clientId, String name, Instant at) implements DomainEvent {
  @Override
  public String aggregateType() {
    return "open311_client";
  }

  @Override
  public String aggregateId() {
    return clientId.toString();
  }
}
