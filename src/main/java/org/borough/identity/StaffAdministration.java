// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.util.Set;

/** Creating staff and teams: the admin pages, the bootstrap and the demo data use it. */
public interface StaffAdministration {

  /**
   * Creates a member of staff with a hashed password.
   *
   * @throws IllegalArgumentException when the username is taken or the password too short
   */
  Staff createStaff(String username, String displayName, String rawPassword, Set<Role> roles);

  Team createTeam(String code, String name, String email);

  void addMember(TeamId team, StaffId staff);

  /** Issues a bearer token for the JSON API and returns it; only its hash is kept. */
  String issueApiToken(StaffId staff, String name);

  /** Registers a token whose value the operator chose (BOROUGH_ADMIN_API_TOKEN). */
  void registerApiToken(StaffId staff, String name, String token);

  /** Every token issued, newest first. */
  java.util.List<ApiTokenInfo> apiTokens();

  /** Revokes a token at once; false when it was unknown or already revoked. */
  boolean revokeApiToken(java.util.UUID id);

  /** Everyone on the staff list, for the admin page. */
  java.util.List<Staff> allStaff();
}
