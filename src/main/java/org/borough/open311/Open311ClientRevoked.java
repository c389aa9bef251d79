// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** An Open311 client application's API key was revoked: it can no longer post. */
@EventType("open311-client.revoked")
public record Open311ClientRevoked(UUID clientId, Instant at) implements DomainEvent {
  @Override
  public String aggregateType() {
    return "open311_client";
  }

  @Override
  public String aggregateId() {
    return clientId.toString();
  }
}
