// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.borough.complaints.Complaints;
import org.borough.complaints.ComplaintsPerformance;
import org.borough.complaints.ComplaintsReport;
import org.borough.system.CsvCells;
import org.borough.system.FinancialYears;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The annual complaints performance report: a page to read and publish, and the same figures as CSV
 * (and as JSON on the API, {@link ComplaintApiController}).
 */
@Controller
class ComplaintsReportController {

  /** How many years back the page offers. */
  static final int YEARS = 5;

  private final ComplaintsPerformance performance;
  private final Complaints complaints;

  ComplaintsReportController(ComplaintsPerformance performance, Complaints complaints) {
    this.performance = performance;
    this.complaints = complaints;
  }

  @GetMapping("/complaints/report")
  @PreAuthorize("hasAuthority('COMPLAINT_REPORT')")
  String page(@RequestParam(required = false) String year, Model model) {
    String current = performance.currentYear(complaints.now());
    String chosen = year == null || year.isBlank() ? current : year.strip();
    List<String> years = FinancialYears.recent(current, YEARS);
    model.addAttribute("years", years);
    model.addAttribute("year", chosen);
    var startYear = FinancialYears.startOf(chosen);
    if (startYear.isEmpty()) {
      model.addAttribute("errors", Map.of("year", "Choose a financial year, like " + current));
      return "complaints/report";
    }
    model.addAttribute("errors", Map.of());
    model.addAttribute("report", performance.report(startYear.get()));
    return "complaints/report";
  }

  /** The report as CSV; a year that is not one gets the page, with the error, instead. */
  @GetMapping("/complaints/report.csv")
  @PreAuthorize("hasAuthority('COMPLAINT_REPORT')")
  String csv(@RequestParam(required = false) String year, Model model, HttpServletResponse response)
      throws IOException {
    String chosen =
        year == null || year.isBlank() ? performance.currentYear(complaints.now()) : year.strip();
    var start = FinancialYears.startOf(chosen);
    if (start.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(chosen, model);
    }
    ComplaintsReport report = performance.report(start.get());
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"complaints-" + report.year().replace('/', '-') + ".csv\"");
    CSVPrinter out = CsvCells.printer(response.getWriter());
    out.printRecord(
        "financial_year",
        "service",
        "stage",
        "received",
        "responded",
        "responded_within_time",
        "within_time_percent",
        "extended",
        "upheld",
        "partly_upheld",
        "not_upheld",
        "average_working_days_to_respond");
    List<ComplaintsReport.Row> rows = new ArrayList<>(report.rows());
    rows.add(report.total());
    for (int i = 0; i < rows.size(); i++) {
      ComplaintsReport.Row r = rows.get(i);
      String service =
          i == rows.size() - 1 ? "All services" : r.service() == null ? "Not linked" : r.service();
      write(out, report.year(), service, 1, r.stageOne());
      write(out, report.year(), service, 2, r.stageTwo());
    }
    out.printRecord(
        report.year(),
        "Referred to an Ombudsman",
        "",
        report.ombudsmanReferrals(),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "");
    out.flush();
    return null;
  }

  private static void write(
      CSVPrinter out, String year, String service, int stage, ComplaintsReport.Figures f)
      throws IOException {
    out.printRecord(
        year,
        CsvCells.text(service),
        stage,
        f.received(),
        f.responded(),
        f.withinTime(),
        f.withinTimePercent() == null ? "" : f.withinTimePercent(),
        f.extended(),
        f.upheld(),
        f.partlyUpheld(),
        f.notUpheld(),
        f.averageWorkingDays() == null ? "" : f.averageWorkingDays());
  }
}
