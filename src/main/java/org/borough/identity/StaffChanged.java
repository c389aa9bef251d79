// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.util.Set;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * A member of staff was added or changed: roles, teams, whether they may sign in, or their password
 * ({@code change} says which, never the password). Ids only, no names.
 */
@EventType("staff.changed")
public record StaffChanged(
    StaffId staffId, String change, Set<Role> roles, Set<TeamId> teams, boolean active)
    implements DomainEvent {

  @Override
  public String aggregateType() {
    return "staff";
  }

  @Override
  public String aggregateId() {
    return staffId.value().toString();
  }
}
