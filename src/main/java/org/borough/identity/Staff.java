// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.util.Set;

/**
 * A member of staff as other modules see them: no password, no lockout state.
 *
 * @param version raised by every change an administrator makes (not by signing in), so that two
 *     administrators' edits cannot overwrite each other unseen
 */
public record Staff(
    StaffId id,
    String username,
    String displayName,
    Set<Role> roles,
    boolean enabled,
    int version) {

  public Staff(StaffId id, String username, String displayName, Set<Role> roles, boolean enabled) {
    this(id, username, displayName, roles, enabled, 0);
  }

  public boolean can(Permission permission) {
    return Permission.of(roles).contains(permission);
  }
}
