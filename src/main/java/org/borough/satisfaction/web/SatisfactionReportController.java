// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction.web;

import java.time.LocalDate;
import org.borough.satisfaction.Satisfaction;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * How satisfied residents said they were with resolved cases, by service and by channel, over a
 * period (the last 90 days unless given), for analysts and supervisors.
 */
@Controller
class SatisfactionReportController {

  private final Satisfaction satisfaction;

  SatisfactionReportController(Satisfaction satisfaction) {
    this.satisfaction = satisfaction;
  }

  @GetMapping("/satisfaction")
  @PreAuthorize("hasAuthority('SATISFACTION_REPORT')")
  String page(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    ReportPeriod period = ReportPeriod.read(from, to, LocalDate.now(satisfaction.zone()));
    model.addAttribute("errors", period.errors());
    model.addAttribute("from", from == null ? period.from().toString() : from);
    model.addAttribute("to", to == null ? period.to().toString() : to);
    model.addAttribute(
        "report",
        period.errors().isEmpty() ? satisfaction.report(period.from(), period.to()) : null);
    return "satisfaction/report";
  }
}
