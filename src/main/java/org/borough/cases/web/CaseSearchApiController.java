// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.borough.cases.CaseSearch;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
class CaseSearchApiController {

  private final CaseSearch search;

  CaseSearchApiController(CaseSearch search) {
    this.search = search;
  }

  @GetMapping("/api/v1/cases")
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Operation(
      summary =
          "Cases by part of their reference, their address or postcode, or words of their"
              + " description; newest first, follow 'next' for more")
  CaseSearch.Page find(
      @RequestParam(required = false) String q, @RequestParam(required = false) String after) {
    return search.find(q, after);
  }
}
