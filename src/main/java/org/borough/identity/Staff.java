// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.util.Set;

/** A member of staff as other modules see them: no password, no lockout state. */
public record Staff(
    StaffId id, String username, String displayName, Set<Role> roles, boolean enabled) {

  public boolean can(Permission permission) {
    return Permission.of(roles).contains(permission);
  }
}
