// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import org.borough.cases.CaseManagement;
import org.borough.cases.CaseSearch;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 'Find a case': a whole reference opens its case; anything else is searched by its words. */
@Controller
class CaseSearchController {

  private final CaseSearch search;
  private final CaseManagement cases;

  CaseSearchController(CaseSearch search, CaseManagement cases) {
    this.search = search;
    this.cases = cases;
  }

  @GetMapping("/cases/search")
  @PreAuthorize("hasAuthority('CASE_READ')")
  String find(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String after,
      Model model) {
    model.addAttribute("q", q);
    if (q == null) {
      return "cases/search";
    }
    if (CaseManagement.looksLikeReference(q) && cases.idOf(q).isPresent()) {
      return "redirect:/cases/" + q.strip().toUpperCase();
    }
    try {
      model.addAttribute("page", search.find(q, after));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
    }
    return "cases/search";
  }
}
