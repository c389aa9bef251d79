// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A team was added ({@code change} "added") or its code, name, email or state changed. */
@EventType("team.changed")
public record TeamChanged(TeamId teamId, String change, String code, String name, boolean active)
    implements DomainEvent {

  @Override
  public String aggregateType() {
    return "team";
  }

  @Override
  public String aggregateId() {
    return teamId.value().toString();
  }
}
