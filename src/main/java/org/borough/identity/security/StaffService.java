// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.identity.ApiTokenInfo;
import org.borough.identity.Permission;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffChanged;
import org.borough.identity.StaffDirectory;
import org.borough.identity.StaffId;
import org.borough.identity.Team;
import org.borough.identity.TeamChanged;
import org.borough.identity.TeamId;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.StaleEditException;
import org.borough.system.UkFormats;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class StaffService implements StaffDirectory, StaffAdministration {

  static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

  private static final Pattern TEAM_CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  private final StaffRepository staff;
  private final ApiTokens tokens;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final ConsoleSessions sessions;
  private final SignInThrottle throttle;
  private final PasswordPolicy policy;
  private final Clock clock;

  StaffService(
      StaffRepository staff,
      ApiTokens tokens,
      PasswordEncoder passwords,
      AuditLog audit,
      ApplicationEventPublisher events,
      ConsoleSessions sessions,
      SignInThrottle throttle,
      PasswordPolicy policy,
      Clock clock) {
    this.throttle = throttle;
    this.policy = policy;
    this.audit = audit;
    this.staff = staff;
    this.tokens = tokens;
    this.passwords = passwords;
    this.events = events;
    this.sessions = sessions;
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
    // Chosen by a signed-in administrator for someone else: theirs to change at first sign-in.
    // (The demo borough and the bootstrap admin are made by Borough itself, signed in as nobody,
    // from configuration: their length is checked, and AdminBootstrap warns of a guessable one.)
    boolean byAnother = current().isPresent();
    Optional<String> problem =
        byAnother
            ? policy.problem(rawPassword, "Password", username, displayName)
            : policy.lengthProblem(rawPassword, "Password");
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    UUID id = UUID.randomUUID();
    staff.insert(
        id,
        username,
        displayName,
        passwords.encode(rawPassword),
        byAnother,
        roles,
        clock.instant());
    audit.record(AuditAction.CREATE, "staff", username, "roles " + roles);
    events.publishEvent(new StaffChanged(new StaffId(id), "added", roles, Set.of(), true));
    return staff.findById(id).orElseThrow();
  }

  @Override
  @Transactional
  public Staff changeStaff(StaffId id, StaffChange change) {
    Staff before =
        staff.findById(id.value()).orElseThrow(() -> new NotFoundException("Staff " + id.value()));
    Errors errors = new Errors();
    String name = change.displayName() == null ? "" : change.displayName().trim();
    if (name.isEmpty() || name.length() > 120) {
      errors.reject("displayName", "Enter the person's name, in 120 characters or fewer");
    }
    Set<Role> roles = change.roles() == null ? Set.of() : change.roles();
    if (roles.isEmpty()) {
      errors.reject("roles", "Choose at least one role");
    }
    Set<TeamId> teams = change.teams() == null ? Set.of() : change.teams();
    List<TeamId> teamsBefore = staff.teamsOf(id.value()).stream().map(Team::id).toList();
    for (TeamId t : teams) {
      Optional<Team> team = staff.team(t.value());
      if (team.isEmpty() || (!team.get().active() && !teamsBefore.contains(t))) {
        errors.reject("teams", "Choose teams from the list");
      }
    }
    boolean self = current().map(s -> s.id().equals(id)).orElse(false);
    if (self && !change.active()) {
      errors.reject("active", "You cannot deactivate yourself: ask another administrator");
    }
    if (self && before.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
      errors.reject("roles", "You cannot remove your own administrator role");
    }
    errors.throwIfAny();
    int version = change.version() == null ? before.version() : change.version();
    if (!staff.updateStaff(id.value(), name, change.active(), version)) {
      throw new StaleEditException("member of staff (" + before.username() + ")");
    }
    staff.replaceRoles(id.value(), roles);
    staff.replaceTeams(id.value(), teams.stream().map(TeamId::value).collect(Collectors.toSet()));
    List<String> what = new ArrayList<>();
    if (!name.equals(before.displayName())) {
      what.add("name");
    }
    if (!roles.equals(before.roles())) {
      what.add("roles " + new TreeSet<>(roles));
    }
    if (!teams.equals(Set.copyOf(teamsBefore))) {
      what.add("teams");
    }
    if (before.enabled() != change.active()) {
      what.add(change.active() ? "activated" : "deactivated");
    }
    if (!change.active()) {
      int revoked = tokens.revokeAll(id.value());
      if (revoked > 0) {
        what.add(revoked + " API token(s) revoked");
      }
    }
    String detail = what.isEmpty() ? "saved unchanged" : String.join(", ", what);
    audit.record(AuditAction.UPDATE, "staff", before.username(), detail);
    events.publishEvent(new StaffChanged(id, detail, roles, teams, change.active()));
    if (!change.active() || !roles.equals(before.roles())) {
      // After commit: a session ended before it could sign in again under the old state.
      endSessionsAfterCommit(before.username());
    }
    return staff.findById(id.value()).orElseThrow();
  }

  @Override
  @Transactional
  public void resetPassword(StaffId id, String rawPassword) {
    Staff who =
        staff.findById(id.value()).orElseThrow(() -> new NotFoundException("Staff " + id.value()));
    Optional<String> problem =
        policy.problem(rawPassword, "Password", who.username(), who.displayName());
    if (problem.isPresent()) {
      throw InvalidInputException.of("password", problem.get());
    }
    staff.setPassword(id.value(), passwords.encode(rawPassword), true);
    // The admin has just confirmed who the user is: their failed sign-ins no longer count.
    throttle.clear(who.username());
    audit.record(AuditAction.UPDATE, "staff", who.username(), "password reset by an admin");
    // Whoever signed in with the old password (perhaps the reason for the reset) is signed out.
    endSessionsAfterCommit(who.username());
    events.publishEvent(
        new StaffChanged(
            id,
            "password reset",
            who.roles(),
            staff.teamsOf(id.value()).stream().map(Team::id).collect(Collectors.toSet()),
            who.enabled()));
  }

  @Override
  @Transactional
  public void changeOwnPassword(String currentPassword, String newPassword) {
    Staff me = current().orElseThrow(() -> new NotFoundException("Your account"));
    String hash = staff.credentials(me.username()).orElseThrow().passwordHash();
    Errors errors = new Errors();
    if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
      errors.reject("currentPassword", "Enter your current password correctly");
    }
    Optional<String> problem =
        policy.problem(newPassword, "Your new password", me.username(), me.displayName());
    if (problem.isPresent()) {
      errors.reject("newPassword", problem.get());
    } else if (newPassword.equals(currentPassword)) {
      errors.reject("newPassword", "Your new password must differ from the current one");
    }
    errors.throwIfAny();
    staff.setPassword(me.id().value(), passwords.encode(newPassword), false);
    audit.record(AuditAction.UPDATE, "staff", me.username(), "password changed by its owner");
    endSessionsAfterCommit(me.username());
  }

  @Override
  public List<OwnSession> ownSessions(String currentSessionId) {
    Staff me = current().orElseThrow(() -> new NotFoundException("Your account"));
    return sessions.of(me.username()).entrySet().stream()
        .map(e -> new OwnSession(e.getValue(), e.getKey().equals(currentSessionId)))
        .sorted(java.util.Comparator.comparing(OwnSession::lastUsed).reversed())
        .toList();
  }

  @Override
  @Transactional
  public int endOwnOtherSessions(String currentSessionId) {
    Staff me = current().orElseThrow(() -> new NotFoundException("Your account"));
    int ended = sessions.endOthers(me.username(), currentSessionId);
    audit.record(
        AuditAction.UPDATE, "staff", me.username(), "signed out of " + ended + " other sessions");
    return ended;
  }

  @Override
  @Transactional
  public Team createTeam(String code, String name, String email) {
    Errors errors = new Errors();
    TeamFields t = teamFields(null, code, name, email, errors);
    errors.throwIfAny();
    UUID id = UUID.randomUUID();
    staff.insertTeam(id, t.code(), t.name(), t.email());
    audit.record(AuditAction.CREATE, "team", t.code(), "added");
    events.publishEvent(new TeamChanged(new TeamId(id), "added", t.code(), t.name(), true));
    return staff.team(id).orElseThrow();
  }

  @Override
  @Transactional
  public Team changeTeam(TeamId id, String code, String name, String email, boolean active) {
    return changeTeam(id, code, name, email, active, null);
  }

  @Override
  @Transactional
  public Team changeTeam(
      TeamId id, String code, String name, String email, boolean active, Integer version) {
    Team before =
        staff.team(id.value()).orElseThrow(() -> new NotFoundException("Team " + id.value()));
    Errors errors = new Errors();
    TeamFields t = teamFields(before, code, name, email, errors);
    errors.throwIfAny();
    int expected = version == null ? before.version() : version;
    if (!staff.updateTeam(id.value(), t.code(), t.name(), t.email(), active, expected)) {
      throw new StaleEditException("team (" + before.name() + ")");
    }
    List<String> what = new ArrayList<>();
    if (!t.code().equals(before.code())) {
      what.add("code (was " + before.code() + ")");
    }
    if (!t.name().equals(before.name())) {
      what.add("name");
    }
    if (!java.util.Objects.equals(t.email(), before.email())) {
      what.add("email");
    }
    if (active != before.active()) {
      what.add(active ? "activated" : "deactivated");
    }
    String detail = what.isEmpty() ? "saved unchanged" : "changed " + String.join(", ", what);
    audit.record(AuditAction.UPDATE, "team", t.code(), detail);
    events.publishEvent(new TeamChanged(id, detail, t.code(), t.name(), active));
    return staff.team(id.value()).orElseThrow();
  }

  private record TeamFields(String code, String name, String email) {}

  private TeamFields teamFields(
      Team before, String code, String name, String email, Errors errors) {
    String c = code == null ? "" : code.trim();
    if (!TEAM_CODE.matcher(c).matches()) {
      errors.reject("code", "A team code is 1 to 40 letters, digits, dashes or underscores");
    } else if (staff
        .teamByCode(c)
        .filter(other -> before == null || !other.id().equals(before.id()))
        .isPresent()) {
      errors.reject("code", "There is already a team with code " + c);
    }
    String n = name == null ? "" : name.trim();
    if (n.isEmpty() || n.length() > 120) {
      errors.reject("name", "Enter the team's name, in 120 characters or fewer");
    }
    String e = null;
    if (email != null && !email.isBlank()) {
      e = UkFormats.email(email).orElse(null);
      if (e == null) {
        errors.reject("email", "Enter an email address like team@example.org");
      }
    }
    return new TeamFields(c, n, e);
  }

  /**
   * Sets a member of staff's roles and teams from their identity provider's groups as they sign in
   * (null leaves them as administrators set them). A change is audited and ends their other
   * sessions, which still carry what they had.
   */
  @Transactional
  Staff fromIdentityProvider(Staff who, Set<Role> roles, Set<String> teamCodes, String provider) {
    UUID id = who.id().value();
    List<String> what = new ArrayList<>();
    if (roles != null && !roles.equals(who.roles())) {
      staff.replaceRoles(id, roles);
      what.add("roles " + new TreeSet<>(roles));
    }
    Set<TeamId> teamsBefore = staff.teamsOf(id).stream().map(Team::id).collect(Collectors.toSet());
    Set<TeamId> teams = teamsBefore;
    if (teamCodes != null) {
      teams =
          teamCodes.stream()
              .map(staff::teamByCode)
              .flatMap(Optional::stream)
              .filter(Team::active)
              .map(Team::id)
              .collect(Collectors.toSet());
      if (!teams.equals(teamsBefore)) {
        staff.replaceTeams(id, teams.stream().map(TeamId::value).collect(Collectors.toSet()));
        what.add("teams");
      }
    }
    if (!what.isEmpty()) {
      String detail = String.join(", ", what) + " from " + provider;
      audit.recordAs(who.username(), AuditAction.UPDATE, "staff", who.username(), detail);
      events.publishEvent(
          new StaffChanged(who.id(), detail, roles == null ? who.roles() : roles, teams, true));
      endSessionsAfterCommit(who.username());
    }
    return staff.findById(id).orElseThrow();
  }

  private void endSessionsAfterCommit(String username) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              sessions.end(username);
              // Tokens remembered with the old roles or state must be looked up afresh.
              tokens.forgetRemembered();
            }
          });
    } else {
      sessions.end(username);
      tokens.forgetRemembered();
    }
  }

  @Override
  public boolean mustChangePassword(String username) {
    return staff.passwordMustChange(username);
  }

  @Override
  @Transactional
  public void requirePasswordChange(StaffId id) {
    staff.requirePasswordChange(id.value());
  }

  @Override
  @Transactional
  public void addMember(TeamId team, StaffId member) {
    staff.addMember(team.value(), member.value());
  }

  @Override
  @Transactional
  public String issueApiToken(StaffId owner, TokenRequest request) {
    Staff caller =
        current().orElseThrow(() -> new AccessDeniedException("Sign in to issue a token"));
    Staff who =
        staff
            .findById(owner.value())
            .orElseThrow(
                () -> InvalidInputException.of("owner", "Enter the username of a member of staff"));
    boolean own = caller.id().equals(owner);
    Errors errors = new Errors();
    if (!own && !Permission.of(caller.roles()).contains(Permission.STAFF_ADMIN)) {
      errors.reject("owner", "You can issue tokens only for yourself");
    }
    String name = request.name() == null ? "" : request.name().trim();
    if (name.isEmpty() || name.length() > 120) {
      errors.reject("name", "Name the token after what will use it, in 120 characters or fewer");
    }
    int maxDays = own ? TokenRequest.OWN_MAX_DAYS : TokenRequest.FOR_SOMEONE_ELSE_MAX_DAYS;
    if (request.lifetimeDays() < 1 || request.lifetimeDays() > maxDays) {
      errors.reject(
          "lifetimeDays", "Enter how many days the token works, a number from 1 to " + maxDays);
    }
    Set<Permission> scopes = request.scopes() == null ? Set.of() : request.scopes();
    if (!Permission.of(who.roles()).containsAll(scopes)) {
      errors.reject("scopes", "Choose only what " + who.username() + " can do");
    }
    String reason = request.reason() == null ? "" : request.reason().trim();
    if (!own) {
      // A token for someone else acts as them: never all they can do, never unexplained.
      if (scopes.isEmpty()) {
        errors.reject("scopes", "Choose what the token may do");
      }
      if (reason.isEmpty() || reason.length() > 500) {
        errors.reject(
            "reason",
            "Say why you are issuing a token for someone else, in 500 characters or fewer");
      }
    }
    errors.throwIfAny();
    Instant expires = clock.instant().plus(Duration.ofDays(request.lifetimeDays()));
    String token =
        tokens.issue(
            new ApiTokens.NewToken(
                owner.value(), name, expires, scopes, caller.id().value(), own ? null : reason));
    String what = scopes.isEmpty() ? "all its owner may do" : new TreeSet<>(scopes).toString();
    audit.record(
        AuditAction.CREATE,
        "api-token",
        owner.value().toString(),
        "issued: "
            + name
            + ", for "
            + who.username()
            + ", "
            + request.lifetimeDays()
            + " days, "
            + what
            + (own ? "" : ", by " + caller.username() + " because: " + reason));
    return token;
  }

  @Override
  @Transactional
  public void registerApiToken(StaffId owner, String name, String token) {
    tokens.register(
        owner.value(),
        name,
        token,
        clock.instant().plus(Duration.ofDays(TokenRequest.OWN_MAX_DAYS)));
  }

  @Override
  public List<ApiTokenInfo> apiTokens() {
    return tokens.all();
  }

  @Override
  public List<ApiTokenInfo> ownApiTokens() {
    return current().map(me -> tokens.ownedBy(me.id().value())).orElse(List.of());
  }

  @Override
  @Transactional
  public List<ApiTokenInfo> takeTokenNotices() {
    Optional<Staff> me = current();
    if (me.isEmpty()) {
      return List.of();
    }
    UUID id = me.get().id().value();
    List<ApiTokenInfo> notices = tokens.unseenIssuedByOthers(id);
    tokens.markSeen(id);
    return notices;
  }

  @Override
  public boolean hasTokenNotices(String username) {
    return staff
        .findByUsername(username)
        .map(s -> !tokens.unseenIssuedByOthers(s.id().value()).isEmpty())
        .orElse(false);
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
  @Transactional
  public boolean revokeOwnApiToken(UUID id) {
    Optional<Staff> me = current();
    boolean revoked = me.isPresent() && tokens.revoke(id, me.get().id().value());
    if (revoked) {
      audit.record(AuditAction.UPDATE, "api-token", id.toString(), "revoked by its owner");
    }
    return revoked;
  }

  @Override
  public List<Staff> allStaff() {
    return staff.all();
  }
}
