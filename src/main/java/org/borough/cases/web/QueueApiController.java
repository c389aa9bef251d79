// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.borough.cases.CaseQueues;
import org.borough.cases.CaseStatus;
import org.borough.cases.QueueFilter;
import org.borough.cases.QueuePage;
import org.borough.identity.StaffDirectory;
import org.borough.system.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
class QueueApiController {

  private final CaseQueues queues;
  private final StaffDirectory staff;

  QueueApiController(CaseQueues queues, StaffDirectory staff) {
    this.queues = queues;
    this.staff = staff;
  }

  @GetMapping("/api/v1/teams/{code}/queue")
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Operation(summary = "A team's active cases, most at risk first; follow 'next' for more")
  QueuePage queue(
      @PathVariable String code,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) String service,
      @RequestParam(required = false) String sla,
      @RequestParam(required = false) String after) {
    var team = staff.findTeamByCode(code).orElseThrow(() -> new NotFoundException("Team " + code));
    return queues.team(team.id(), new QueueFilter(status, service, sla, after));
  }
}
