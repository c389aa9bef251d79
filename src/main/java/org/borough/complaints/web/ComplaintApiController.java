// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.borough.complaints.Complaint;
import org.borough.complaints.Complaints;
import org.borough.complaints.ComplaintsPerformance;
import org.borough.complaints.ComplaintsReport;
import org.borough.complaints.Ombudsman;
import org.borough.complaints.Outcome;
import org.borough.system.FinancialYears;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints over JSON: the open ones, one with its stages, and each step of the code. Every step
 * answers the complaint as it now stands.
 */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "Complaints")
class ComplaintApiController {

  private final Complaints complaints;
  private final ComplaintsPerformance performance;

  ComplaintApiController(Complaints complaints, ComplaintsPerformance performance) {
    this.complaints = complaints;
    this.performance = performance;
  }

  record Extension(LocalDate until, String reason) {}

  record Response(Outcome outcome, String response) {}

  record Escalation(String reason) {}

  record Link(String caseReference) {}

  record Referral(Ombudsman ombudsman, LocalDate referredOn, String ombudsmanReference) {}

  @GetMapping
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Operation(summary = "Complaints waiting for a response, the soonest deadline first")
  List<Complaint> open() {
    return complaints.open(ComplaintsController.QUEUE_SIZE);
  }

  @GetMapping("/report")
  @PreAuthorize("hasAuthority('COMPLAINT_REPORT')")
  @Operation(
      summary =
          "The annual complaints performance report for a financial year (2026/27); this year's"
              + " when none is given")
  ComplaintsReport report(@RequestParam(required = false) String year) {
    String chosen =
        year == null || year.isBlank() ? performance.currentYear(complaints.now()) : year.strip();
    int start =
        FinancialYears.startOf(chosen)
            .orElseThrow(
                () -> InvalidInputException.of("year", "Give a financial year, like 2026/27"));
    return performance.report(start);
  }

  @GetMapping("/{reference}")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Operation(summary = "A complaint by its case reference, with its stages and clocks")
  Complaint get(@PathVariable String reference) {
    return complaints.find(reference);
  }

  @PostMapping("/{reference}/acknowledgement")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Operation(summary = "Acknowledge the current stage; the resident is told the response date")
  Complaint acknowledge(@PathVariable String reference) {
    complaints.acknowledge(reference);
    return complaints.find(reference);
  }

  @PostMapping("/{reference}/extension")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Operation(summary = "Give the current stage's response more time, with a reason")
  Complaint extend(@PathVariable String reference, @RequestBody Extension e) {
    complaints.extend(reference, e.until(), e.reason());
    return complaints.find(reference);
  }

  @PostMapping("/{reference}/response")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Operation(summary = "Send the current stage's response and record its outcome")
  Complaint respond(@PathVariable String reference, @RequestBody Response r) {
    complaints.respond(reference, r.outcome(), r.response());
    return complaints.find(reference);
  }

  @PostMapping("/{reference}/escalation")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Operation(summary = "Take an answered stage 1 complaint to stage 2")
  Complaint escalate(@PathVariable String reference, @RequestBody Escalation e) {
    complaints.escalate(reference, e.reason());
    return complaints.find(reference);
  }

  @PostMapping("/{reference}/links")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Operation(summary = "Link a service case the complaint is about")
  Complaint link(@PathVariable String reference, @RequestBody Link l) {
    complaints.link(reference, l.caseReference());
    return complaints.find(reference);
  }

  @PostMapping("/{reference}/referral")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Operation(summary = "Record that the resident took the complaint to an Ombudsman")
  Complaint refer(@PathVariable String reference, @RequestBody Referral r) {
    complaints.refer(reference, r.ombudsman(), r.referredOn(), r.ombudsmanReference());
    return complaints.find(reference);
  }
}
