// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.borough.information.Disclosure;
import org.borough.information.Exemption;
import org.borough.information.InformationPerformance;
import org.borough.information.InformationRequest;
import org.borough.information.InformationRequests;
import org.borough.information.ReviewOutcome;
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

/** Requests for information over JSON: the open ones, one, and each step the law names. */
@RestController
@RequestMapping("/api/v1/information-requests")
@Tag(name = "Information requests")
class InformationApiController {

  private final InformationRequests requests;
  private final InformationPerformance performance;

  InformationApiController(InformationRequests requests, InformationPerformance performance) {
    this.requests = requests;
    this.performance = performance;
  }

  record Clarification(String question) {}

  record Extension(LocalDate until, String reason) {}

  record Response(
      Disclosure outcome, List<Exemption> exemptions, String response, String logTitle) {}

  record Review(String reason) {}

  record ReviewResponse(ReviewOutcome outcome, String response) {}

  @GetMapping
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Operation(summary = "Requests waiting for a response or a review, the soonest deadline first")
  List<InformationRequest> open() {
    return requests.open(InformationController.QUEUE_SIZE);
  }

  @GetMapping("/report")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Operation(
      summary =
          "A financial year's requests (2026/27; this year's when none is given): answered within"
              + " time, extended, outcomes, reviews")
  InformationPerformance.Report report(@RequestParam(required = false) String year) {
    String chosen = year == null || year.isBlank() ? requests.currentYear() : year.strip();
    int start =
        FinancialYears.startOf(chosen)
            .orElseThrow(
                () -> InvalidInputException.of("year", "Give a financial year, like 2026/27"));
    return performance.report(start);
  }

  @GetMapping("/{reference}")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Operation(summary = "A request for information by its case reference")
  InformationRequest get(@PathVariable String reference) {
    return requests.find(reference);
  }

  @PostMapping("/{reference}/clarification")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Operation(summary = "Ask the requester to clarify; the clock stops")
  InformationRequest clarification(@PathVariable String reference, @RequestBody Clarification c) {
    requests.askForClarification(reference, c.question());
    return requests.find(reference);
  }

  @PostMapping("/{reference}/clarified")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Operation(summary = "The requester clarified: 20 working days from today")
  InformationRequest clarified(@PathVariable String reference) {
    requests.clarified(reference);
    return requests.find(reference);
  }

  @PostMapping("/{reference}/extension")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Operation(summary = "Give the response more time, with the reason")
  InformationRequest extend(@PathVariable String reference, @RequestBody Extension e) {
    requests.extend(reference, e.until(), e.reason());
    return requests.find(reference);
  }

  @PostMapping("/{reference}/response")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Operation(
      summary =
          "Send the response with the exemptions applied; a logTitle publishes it on the"
              + " disclosure log")
  InformationRequest respond(@PathVariable String reference, @RequestBody Response r) {
    requests.respond(reference, r.outcome(), r.exemptions(), r.response(), r.logTitle());
    return requests.find(reference);
  }

  @PostMapping("/{reference}/review")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Operation(summary = "Start an internal review the requester asked for")
  InformationRequest review(@PathVariable String reference, @RequestBody Review r) {
    requests.requestReview(reference, r.reason());
    return requests.find(reference);
  }

  @PostMapping("/{reference}/review-response")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Operation(summary = "Send the internal review's outcome")
  InformationRequest reviewResponse(@PathVariable String reference, @RequestBody ReviewResponse r) {
    requests.answerReview(reference, r.outcome(), r.response());
    return requests.find(reference);
  }
}
