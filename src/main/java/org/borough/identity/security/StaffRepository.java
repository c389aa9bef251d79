// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffId;
import org.borough.identity.Team;
import org.borough.identity.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff, roles, teams and tokens in the CRM database. */
@Repository
public class StaffRepository {

  private final JdbcClient jdbc;

  StaffRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A stored user with what sign-in needs. Failed attempts are counted by SignInThrottle, not in
   * staff_user's failed_attempts and locked_until, which are no longer used.
   */
  record Credentials(Staff staff, String passwordHash) {}

  Optional<Credentials> credentials(String username) {
    return jdbc.sql(
            "select id, username, display_name, enabled, version, password_hash from staff_user"
                + " where username = ?")
        .param(username)
        .query((rs, i) -> new StoredCredentials(row(rs), rs.getString(6)))
        .optional()
        .map(stored -> new Credentials(withRoles(stored.row()), stored.passwordHash()));
  }

  private record StoredCredentials(Row row, String passwordHash) {}

  public Optional<Staff> findById(UUID id) {
    return jdbc.sql(
            "select id, username, display_name, enabled, version from staff_user where id = ?")
        .param(id)
        .query((rs, i) -> row(rs))
        .optional()
        .map(this::withRoles);
  }

  public Optional<Staff> findByUsername(String username) {
    return jdbc.sql(
            "select id, username, display_name, enabled, version from staff_user where username = ?")
        .param(username)
        .query((rs, i) -> row(rs))
        .optional()
        .map(this::withRoles);
  }

  public List<Staff> all() {
    return jdbc
        .sql(
            "select id, username, display_name, enabled, version from staff_user order by username")
        .query((rs, i) -> row(rs))
        .list()
        .stream()
        .map(withEveryonesRoles())
        .toList();
  }

  public List<Staff> membersOf(UUID team) {
    return jdbc
        .sql(
            "select u.id, u.username, u.display_name, u.enabled, u.version from staff_user u"
                + " join team_member m on m.user_id = u.id where m.team_id = ?"
                + " order by u.display_name")
        .param(team)
        .query((rs, i) -> row(rs))
        .list()
        .stream()
        .map(withEveryonesRoles())
        .toList();
  }

  /**
   * A staff_user row before its roles are read. Roles are read only after the row's query has
   * closed: reading them inside the row mapper borrowed a second pooled connection while holding
   * the first, and under load every thread holding one and waiting for another emptied the pool.
   */
  private record Row(UUID id, String username, String displayName, boolean enabled, int version) {
    Staff with(Set<Role> roles) {
      return new Staff(new StaffId(id), username, displayName, roles, enabled, version);
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getBoolean(4),
        rs.getInt(5));
  }

  private Staff withRoles(Row row) {
    return row.with(roles(row.id()));
  }

  /** Reads every user's roles in one query, for lists of staff. */
  private Function<Row, Staff> withEveryonesRoles() {
    Map<UUID, Set<Role>> roles = new HashMap<>();
    jdbc.sql("select user_id, role from user_role")
        .query(
            rs -> {
              roles
                  .computeIfAbsent(rs.getObject(1, UUID.class), user -> EnumSet.noneOf(Role.class))
                  .add(Role.valueOf(rs.getString(2)));
            });
    return row -> row.with(roles.getOrDefault(row.id(), EnumSet.noneOf(Role.class)));
  }

  Set<Role> roles(UUID user) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("select role from user_role where user_id = ?")
        .param(user)
        .query((rs, i) -> Role.valueOf(rs.getString(1)))
        .list()
        .forEach(roles::add);
    return roles;
  }

  void insert(
      UUID id,
      String username,
      String displayName,
      String hash,
      boolean mustChange,
      Set<Role> roles,
      Instant now) {
    jdbc.sql(
            "insert into staff_user (id, username, display_name, password_hash,"
                + " password_must_change, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(id, username, displayName, hash, mustChange, Timestamp.from(now))
        .update();
    replaceRoles(id, roles);
  }

  public List<Team> teams() {
    return jdbc.sql("select id, code, name, email, active, version from team order by name")
        .query((rs, i) -> team(rs))
        .list();
  }

  public Optional<Team> team(UUID id) {
    return jdbc.sql("select id, code, name, email, active, version from team where id = ?")
        .param(id)
        .query((rs, i) -> team(rs))
        .optional();
  }

  public Optional<Team> teamByCode(String code) {
    return jdbc.sql("select id, code, name, email, active, version from team where code = ?")
        .param(code)
        .query((rs, i) -> team(rs))
        .optional();
  }

  public List<Team> teamsOf(UUID user) {
    return jdbc.sql(
            "select t.id, t.code, t.name, t.email, t.active, t.version from team t"
                + " join team_member m on m.team_id = t.id"
                + " where m.user_id = ? order by t.name")
        .param(user)
        .query((rs, i) -> team(rs))
        .list();
  }

  void insertTeam(UUID id, String code, String name, String email) {
    jdbc.sql("insert into team (id, code, name, email) values (?, ?, ?, ?)")
        .params(id, code, name, email)
        .update();
  }

  /** Saves a team's fields if it is still at {@code version}; false when it was changed since. */
  boolean updateTeam(UUID id, String code, String name, String email, boolean active, int version) {
    return jdbc.sql(
                "update team set code = ?, name = ?, email = ?, active = ?, version = version + 1"
                    + " where id = ? and version = ?")
            .params(code, name, email, active, id, version)
            .update()
        == 1;
  }

  /**
   * Saves a member of staff's name and state if they are still at {@code version}; false when an
   * administrator changed them since. Roles and teams are written after, under this row's lock.
   */
  boolean updateStaff(UUID id, String displayName, boolean enabled, int version) {
    return jdbc.sql(
                "update staff_user set display_name = ?, enabled = ?, version = version + 1"
                    + " where id = ? and version = ?")
            .params(displayName, enabled, id, version)
            .update()
        == 1;
  }

  void replaceRoles(UUID user, Set<Role> roles) {
    jdbc.sql("delete from user_role where user_id = ?").param(user).update();
    for (Role role : roles) {
      jdbc.sql("insert into user_role (user_id, role) values (?, ?)")
          .params(user, role.name())
          .update();
    }
  }

  void replaceTeams(UUID user, Set<UUID> teams) {
    jdbc.sql("delete from team_member where user_id = ?").param(user).update();
    for (UUID team : teams) {
      addMember(team, user);
    }
  }

  /** Sets a password; {@code mustChange} when someone other than its owner chose it. */
  void setPassword(UUID id, String hash, boolean mustChange) {
    jdbc.sql("update staff_user set password_hash = ?, password_must_change = ? where id = ?")
        .params(hash, mustChange, id)
        .update();
  }

  void requirePasswordChange(UUID id) {
    jdbc.sql("update staff_user set password_must_change = true where id = ?").param(id).update();
  }

  boolean passwordMustChange(String username) {
    return jdbc.sql("select password_must_change from staff_user where username = ?")
        .param(username)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  void addMember(UUID team, UUID user) {
    jdbc.sql("insert into team_member (team_id, user_id) values (?, ?)")
        .params(team, user)
        .update();
  }

  private static Team team(ResultSet rs) throws SQLException {
    return new Team(
        new TeamId(rs.getObject(1, UUID.class)),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getBoolean(5),
        rs.getInt(6));
  }
}
