// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.identity.StaffId;
import org.borough.identity.Team;
import org.borough.identity.TeamId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StaffService implements StaffDirectory, StaffAdministration {

  static final int MIN_PASSWORD_LENGTH = 12;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

  private final StaffRepository staff;
  private final ApiTokens tokens;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final Clock clock;

  StaffService(
      StaffRepository staff,
      ApiTokens tokens,
      PasswordEncoder passwords,
      AuditLog audit,
      Clock clock) {
    this.audit = audit;
    this.staff = staff;
    this.tokens = tokens;
    this.passwords = passwords;
    this.clock = clock;
  }

  @Override
  public Optional<Staff> findStaff(StaffId id) {
    return staff.findById(id.value());
  }

  @Override
  public Optional<Staff> findByUsername(String username) {
    return staff.findByUsername(username);
  }

  @Override
  public Optional<Staff> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      return Optional.empty();
    }
    return staff.findByUsername(auth.getName());
  }

  @Override
  public List<Team> teams() {
    return staff.teams();
  }

  @Override
  public Optional<Team> findTeam(TeamId id) {
    return staff.team(id.value());
  }

  @Override
  public Optional<Team> findTeamByCode(String code) {
    return staff.teamByCode(code);
  }

  @Override
  public List<Team> teamsOf(StaffId member) {
    return staff.teamsOf(member.value());
  }

  @Override
  public List<Staff> membersOf(TeamId team) {
    return staff.membersOf(team.value());
  }

  @Override
  @Transactional
  public Staff createStaff(
      String username, String displayName, String rawPassword, Set<Role> roles) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "Username must be 2 to 60 lower-case letters, digits, dots, dashes or underscores");
    }
    if (staff.findByUsername(username).isPresent()) {
      throw new IllegalArgumentException("Username " + username + " is already taken");
    }
    if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "Password must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    UUID id = UUID.randomUUID();
    staff.insert(id, username, displayName, passwords.encode(rawPassword), roles, clock.instant());
    audit.record(AuditAction.CREATE, "staff", username, "roles " + roles);
    return staff.findById(id).orElseThrow();
  }

  @Override
  @Transactional
  public Team createTeam(String code, String name, String email) {
    UUID id = UUID.randomUUID();
    staff.insertTeam(id, code, name, email);
    return staff.team(id).orElseThrow();
  }

  @Override
  @Transactional
  public void addMember(TeamId team, StaffId member) {
    staff.addMember(team.value(), member.value());
  }

  @Override
  @Transactional
  public String issueApiToken(StaffId owner, String name) {
    String token = tokens.issue(owner.value(), name);
    audit.record(AuditAction.CREATE, "api-token", owner.value().toString(), "issued: " + name);
    return token;
  }

  @Override
  @Transactional
  public void registerApiToken(StaffId owner, String name, String token) {
    tokens.register(owner.value(), name, token);
  }

  @Override
  public List<org.borough.identity.ApiTokenInfo> apiTokens() {
    return tokens.all().stream()
        .map(
            t ->
                new org.borough.identity.ApiTokenInfo(
                    t.id(), t.owner(), t.name(), t.createdAt(), t.lastUsedAt(), t.revokedAt()))
        .toList();
  }

  @Override
  @Transactional
  public boolean revokeApiToken(UUID id) {
    boolean revoked = tokens.revoke(id);
    if (revoked) {
      audit.record(AuditAction.UPDATE, "api-token", id.toString(), "revoked");
    }
    return revoked;
  }

  @Override
  public List<Staff> allStaff() {
    return staff.all();
  }
}
