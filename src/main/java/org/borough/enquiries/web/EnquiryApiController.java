// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries.web;

import java.util.List;
import org.borough.enquiries.CouncillorEnquiries;
import org.borough.enquiries.Enquiry;
import org.borough.enquiries.EnquiryPage;
import org.borough.enquiries.NewEnquiry;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Councillor enquiries over the JSON API: the same steps as the pages, with the same checks. */
@RestController
class EnquiryApiController {

  /** An officer's answer. */
  record Answer(String answer) {}

  private final CouncillorEnquiries enquiries;

  EnquiryApiController(CouncillorEnquiries enquiries) {
    this.enquiries = enquiries;
  }

  /** The signed-in councillor's enquiries, newest first. */
  @GetMapping("/api/v1/enquiries")
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE')")
  List<Enquiry> mine() {
    return enquiries.mine();
  }

  @PostMapping("/api/v1/enquiries")
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE')")
  @ResponseStatus(HttpStatus.CREATED)
  Enquiry raise(@RequestBody NewEnquiry enquiry) {
    return enquiries.raise(enquiry);
  }

  /** Enquiries waiting for an answer, the soonest deadline first. */
  @GetMapping("/api/v1/enquiries/waiting")
  @PreAuthorize("hasAuthority('ENQUIRY_RESPOND')")
  List<Enquiry> waiting() {
    return enquiries.waiting();
  }

  @GetMapping("/api/v1/enquiries/{reference}")
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE') or hasAuthority('ENQUIRY_RESPOND')")
  EnquiryPage find(@PathVariable String reference) {
    return enquiries.find(reference);
  }

  @PostMapping("/api/v1/enquiries/{reference}/answer")
  @PreAuthorize("hasAuthority('ENQUIRY_RESPOND')")
  EnquiryPage answer(@PathVariable String reference, @RequestBody Answer body) {
    enquiries.respond(reference, body.answer());
    return enquiries.find(reference);
  }
}
