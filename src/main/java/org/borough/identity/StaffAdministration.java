// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Creating and changing staff and teams: the admin pages, the bootstrap and the demo data use it.
 */
public interface StaffAdministration {

  /**
   * Creates a member of staff with a hashed password.
   *
   * @throws IllegalArgumentException when the username is taken or the password too short
   */
  Staff createStaff(String username, String displayName, String rawPassword, Set<Role> roles);

  /**
   * Changes a member of staff's name, roles, teams and whether they may sign in. Deactivating
   * revokes their API tokens and ends their console sessions; so does a change of roles, so the new
   * roles apply at once. Admins cannot deactivate themselves nor drop their own ADMIN role.
   *
   * @throws org.borough.system.InvalidInputException under displayName, roles, teams or active
   * @throws org.borough.system.NotFoundException when there is no such member of staff
   */
  Staff changeStaff(StaffId id, StaffChange change);

  /**
   * Sets a new password (the same rules as at creation) and clears any sign-in lockout.
   *
   * @throws org.borough.system.InvalidInputException under password
   */
  void resetPassword(StaffId id, String rawPassword);

  /** What an admin may change about a member of staff; {@code teams} replaces their teams. */
  record StaffChange(String displayName, Set<Role> roles, Set<TeamId> teams, boolean active) {}

  /**
   * Creates a team.
   *
   * @throws org.borough.system.InvalidInputException under code, name or email
   */
  Team createTeam(String code, String name, String email);

  /**
   * Changes a team's code, name, email and state; an inactive team is no longer offered as a
   * service's default team nor to new staff, and its cases stay where they are.
   *
   * @throws org.borough.system.InvalidInputException under code, name or email
   */
  Team changeTeam(TeamId id, String code, String name, String email, boolean active);

  void addMember(TeamId team, StaffId staff);

  /** Issues a bearer token for the JSON API and returns it; only its hash is kept. */
  String issueApiToken(StaffId staff, String name);

  /** Registers a token whose value the operator chose (BOROUGH_ADMIN_API_TOKEN). */
  void registerApiToken(StaffId staff, String name, String token);

  /** Every token issued, newest first. */
  List<ApiTokenInfo> apiTokens();

  /** Revokes a token at once; false when it was unknown or already revoked. */
  boolean revokeApiToken(UUID id);

  /** Everyone on the staff list, for the admin page. */
  List<Staff> allStaff();
}
