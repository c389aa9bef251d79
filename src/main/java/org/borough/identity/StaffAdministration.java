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
   * @throws org.borough.system.StaleEditException when they were changed since {@code
   *     change.version()}
   */
  Staff changeStaff(StaffId id, StaffChange change);

  /**
   * Sets a new password (the same rules as at creation), clears the failed sign-ins counted against
   * the account and ends its console sessions.
   *
   * @throws org.borough.system.InvalidInputException under password
   */
  void resetPassword(StaffId id, String rawPassword);

  /**
   * The signed-in user changes their own password: the current one must be given, the new one
   * follows the rules of creation and differs from it. Every session of theirs ends, this one too,
   * so that they sign in again with it and nobody keeps a session made with the old one.
   *
   * @throws org.borough.system.InvalidInputException under currentPassword or newPassword
   */
  void changeOwnPassword(String currentPassword, String newPassword);

  /**
   * Whether {@code username}'s password was chosen by someone else (an administrator creating or
   * resetting it, or Borough generating the bootstrap one), so that they must change it before
   * anything else.
   */
  boolean mustChangePassword(String username);

  /** Makes a member of staff change their password at their next sign-in. */
  void requirePasswordChange(StaffId id);

  /**
   * The signed-in user's console sessions (on any node), most recently used first, without their
   * ids: {@code current} marks the one whose id is {@code currentSessionId}.
   */
  List<OwnSession> ownSessions(String currentSessionId);

  /**
   * Signs the signed-in user out of every console session but {@code currentSessionId} (a lost
   * laptop, a shared computer left signed in); audited. Returns how many were ended.
   */
  int endOwnOtherSessions(String currentSessionId);

  /** One of a user's own console sessions, as they may see it. */
  record OwnSession(java.time.Instant lastUsed, boolean current) {}

  /**
   * What an admin may change about a member of staff; {@code teams} replaces their teams. {@code
   * version} is the one the change was made to; null for the one stored now.
   */
  record StaffChange(
      String displayName, Set<Role> roles, Set<TeamId> teams, boolean active, Integer version) {

    public StaffChange(String displayName, Set<Role> roles, Set<TeamId> teams, boolean active) {
      this(displayName, roles, teams, active, null);
    }
  }

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

  /**
   * Like {@link #changeTeam(TeamId, String, String, String, boolean)}, made to {@code version}
   * (null for the one stored now).
   *
   * @throws org.borough.system.StaleEditException when the team was changed since {@code version}
   */
  Team changeTeam(
      TeamId id, String code, String name, String email, boolean active, Integer version);

  void addMember(TeamId team, StaffId staff);

  /**
   * What a new API token may do and for how long. {@code scopes} empty means all its owner may do,
   * which only a user's own token may have; {@code reason} is needed when an administrator issues a
   * token for someone else.
   */
  record TokenRequest(String name, int lifetimeDays, Set<Permission> scopes, String reason) {

    /** The longest a user's own token may work. */
    public static final int OWN_MAX_DAYS = 90;

    /** The longest a token an administrator issues for someone else may work. */
    public static final int FOR_SOMEONE_ELSE_MAX_DAYS = 30;

    /** A user's own token for everything they may do, for 30 days. */
    public static TokenRequest own(String name) {
      return new TokenRequest(name, 30, Set.of(), null);
    }
  }

  /**
   * Issues a bearer token for the JSON API and returns it; only its hash is kept. The signed-in
   * user may issue one for themselves; with STAFF_ADMIN for someone else too, but only with a
   * reason, explicit scopes within the owner's permissions and at most {@link
   * TokenRequest#FOR_SOMEONE_ELSE_MAX_DAYS} days, and the owner is told at their next sign-in.
   * Every token expires.
   *
   * @throws org.borough.system.InvalidInputException under owner, name, lifetimeDays, scopes or
   *     reason
   */
  String issueApiToken(StaffId owner, TokenRequest request);

  /**
   * Registers a token whose value the operator chose (BOROUGH_ADMIN_API_TOKEN); it works for {@link
   * TokenRequest#OWN_MAX_DAYS} days from each start that registers it.
   */
  void registerApiToken(StaffId staff, String name, String token);

  /** Every token issued, newest first. */
  List<ApiTokenInfo> apiTokens();

  /** The signed-in user's own tokens, newest first. */
  List<ApiTokenInfo> ownApiTokens();

  /**
   * Tokens an administrator issued for the signed-in user that they have not been shown yet; once
   * returned, they count as shown.
   */
  List<ApiTokenInfo> takeTokenNotices();

  /** Whether {@code username} has tokens issued by someone else that they have not been shown. */
  boolean hasTokenNotices(String username);

  /** Revokes a token at once; false when it was unknown or already revoked. */
  boolean revokeApiToken(UUID id);

  /** Revokes one of the signed-in user's own tokens; false when it is not theirs or not live. */
  boolean revokeOwnApiToken(UUID id);

  /** Everyone on the staff list, for the admin page. */
  List<Staff> allStaff();
}
