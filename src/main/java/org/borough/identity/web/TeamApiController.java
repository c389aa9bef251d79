// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamApiController {

  private final StaffDirectory staff;

  TeamApiController(StaffDirectory staff) {
    this.staff = staff;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('CATALOGUE_READ')")
  @Operation(summary = "Every team")
  List<Team> teams() {
    return staff.teams();
  }
}
