// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information.web;

import java.util.Map;
import org.borough.information.Disclosure;
import org.borough.information.InformationPerformance;
import org.borough.information.InformationRequests;
import org.borough.system.FinancialYears;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A financial year's requests for information: timeliness, extensions, outcomes, reviews. */
@Controller
class InformationReportController {

  static final int YEARS = 5;

  private final InformationPerformance performance;
  private final InformationRequests requests;

  InformationReportController(InformationPerformance performance, InformationRequests requests) {
    this.performance = performance;
    this.requests = requests;
  }

  @GetMapping("/information-requests/report")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  String report(@RequestParam(required = false) String year, Model model) {
    String current = requests.currentYear();
    String chosen = year == null || year.isBlank() ? current : year.strip();
    model.addAttribute("years", FinancialYears.recent(current, YEARS));
    model.addAttribute("year", chosen);
    model.addAttribute("outcomes", Disclosure.values());
    var start = FinancialYears.startOf(chosen);
    if (start.isEmpty()) {
      model.addAttribute("errors", Map.of("year", "Choose a financial year, like " + current));
      return "information/report";
    }
    model.addAttribute("errors", Map.of());
    model.addAttribute("report", performance.report(start.get()));
    return "information/report";
  }
}
