// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.borough.identity.TeamId;
import org.borough.system.EntityTags;
import org.borough.system.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamApiController {

  private final StaffDirectory staff;
  private final StaffAdministration administration;

  TeamApiController(StaffDirectory staff, StaffAdministration administration) {
    this.staff = staff;
    this.administration = administration;
  }

  /** A team as an admin writes it; {@code active} defaults to true. */
  record TeamInput(String code, String name, String email, Boolean active) {}

  @GetMapping
  @PreAuthorize("hasAuthority('CATALOGUE_READ')")
  @Operation(summary = "Every team, active or retired")
  List<Team> teams() {
    return staff.teams();
  }

  @PostMapping
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Operation(
      summary = "Add a team",
      description =
          "A new team is active ('active' is ignored here). Errors name the field: code (unique),"
              + " name or email.")
  ResponseEntity<Team> create(@RequestBody TeamInput input) {
    Team t = administration.createTeam(input.code(), input.name(), input.email());
    return ResponseEntity.created(URI.create("/api/v1/teams/" + t.id().value())).body(t);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('CATALOGUE_READ')")
  @Operation(summary = "One team; the ETag is its version, for If-Match on a PUT")
  ResponseEntity<Team> one(@PathVariable UUID id) {
    Team t = require(id);
    return EntityTags.ok(t, t.version());
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Operation(
      summary = "Change a team's code, name, email or state",
      description =
          "A retired team (active false) keeps its cases but is not offered for new"
              + " services or staff.")
  ResponseEntity<Team> change(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody TeamInput input) {
    Team before = require(id);
    Team t =
        administration.changeTeam(
            before.id(),
            input.code(),
            input.name(),
            input.email(),
            !Boolean.FALSE.equals(input.active()),
            EntityTags.expected(ifMatch, before.version(), "team " + before.name()));
    return EntityTags.ok(t, t.version());
  }

  private Team require(UUID id) {
    return staff.findTeam(new TeamId(id)).orElseThrow(() -> new NotFoundException("Team " + id));
  }
}
