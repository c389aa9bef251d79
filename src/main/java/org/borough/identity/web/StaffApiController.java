// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.borough.identity.TeamId;
import org.borough.system.EntityTags;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff administration over JSON: list, change roles, teams and state, set a password. */
@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff")
class StaffApiController {

  private final StaffDirectory directory;
  private final StaffAdministration administration;

  StaffApiController(StaffDirectory directory, StaffAdministration administration) {
    this.directory = directory;
    this.administration = administration;
  }

  /** A member of staff with the ids of their teams; {@code active} false means deactivated. */
  record StaffView(
      UUID id,
      String username,
      String displayName,
      Set<Role> roles,
      Set<UUID> teamIds,
      boolean active,
      int version) {}

  /** Replaces name, roles, teams and state; deactivating revokes the user's API tokens. */
  record StaffUpdate(String displayName, Set<Role> roles, Set<UUID> teamIds, Boolean active) {}

  record NewPassword(String password) {}

  @GetMapping
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Operation(summary = "Everyone on the staff list, with roles, teams and state")
  List<StaffView> staff() {
    return administration.allStaff().stream().map(this::view).toList();
  }

  @GetMapping("/{username}")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Operation(summary = "One member of staff; the ETag is their version, for If-Match on a PUT")
  ResponseEntity<StaffView> one(@PathVariable String username) {
    StaffView v = view(require(username));
    return EntityTags.ok(v, v.version());
  }

  @PutMapping("/{username}")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Operation(
      summary = "Change a member of staff's name, roles, teams and state",
      description =
          "active false deactivates: they can no longer sign in, their console sessions end and"
              + " their API tokens are revoked. Errors name the field: displayName, roles, teamIds"
              + " or active.")
  ResponseEntity<StaffView> change(
      @PathVariable String username,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody StaffUpdate update) {
    Staff s = require(username);
    int version = EntityTags.expected(ifMatch, s.version(), "member of staff " + s.username());
    if (update.active() == null) {
      throw InvalidInputException.of("active", "Say whether they can sign in: true or false");
    }
    try {
      administration.changeStaff(
          s.id(),
          new StaffAdministration.StaffChange(
              update.displayName(),
              update.roles(),
              update.teamIds() == null
                  ? Set.of()
                  : update.teamIds().stream().map(TeamId::new).collect(Collectors.toSet()),
              update.active(),
              version));
    } catch (InvalidInputException e) {
      throw renamed(e, "teams", "teamIds");
    }
    StaffView v = view(require(username));
    return EntityTags.ok(v, v.version());
  }

  @PutMapping("/{username}/password")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Operation(
      summary = "Set a new password",
      description = "At least 12 characters. It also lifts a lockout after failed sign-ins.")
  ResponseEntity<Void> password(@PathVariable String username, @RequestBody NewPassword body) {
    administration.resetPassword(require(username).id(), body.password());
    return ResponseEntity.noContent().build();
  }

  private Staff require(String username) {
    return directory
        .findByUsername(username)
        .orElseThrow(() -> new NotFoundException("Staff " + username));
  }

  private StaffView view(Staff s) {
    return new StaffView(
        s.id().value(),
        s.username(),
        s.displayName(),
        s.roles(),
        directory.teamsOf(s.id()).stream()
            .map(Team::id)
            .map(TeamId::value)
            .collect(Collectors.toSet()),
        s.enabled(),
        s.version());
  }

  /** The service names the field as the page does; the API's field has another name. */
  private static InvalidInputException renamed(InvalidInputException e, String from, String to) {
    var errors = new java.util.LinkedHashMap<String, String>();
    e.errors().forEach((k, v) -> errors.put(k.equals(from) ? to : k, v));
    return new InvalidInputException(errors);
  }
}
