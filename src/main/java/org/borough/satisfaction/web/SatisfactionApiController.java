// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction.web;

import java.time.LocalDate;
import org.borough.satisfaction.Satisfaction;
import org.borough.satisfaction.SatisfactionReport;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The satisfaction report as JSON: {@code ?from=2026-04-01&to=2026-06-30}. */
@RestController
class SatisfactionApiController {

  private final Satisfaction satisfaction;

  SatisfactionApiController(Satisfaction satisfaction) {
    this.satisfaction = satisfaction;
  }

  @GetMapping("/api/v1/satisfaction")
  @PreAuthorize("hasAuthority('SATISFACTION_REPORT')")
  SatisfactionReport report(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    ReportPeriod period = ReportPeriod.read(from, to, LocalDate.now(satisfaction.zone()));
    if (!period.errors().isEmpty()) {
      throw new InvalidInputException(period.errors());
    }
    return satisfaction.report(period.from(), period.to());
  }
}
