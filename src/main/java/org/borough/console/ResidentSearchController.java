// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.console;

import org.borough.cases.CaseManagement;
import org.borough.residents.ResidentManagement;
import org.borough.residents.ResidentSearch;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One search box for agents: a name, postcode, phone, email or a case reference. A reference goes
 * straight to its case, so a resident quoting one is found in one step.
 */
@Controller
class ResidentSearchController {

  private final ResidentManagement residents;
  private final CaseManagement cases;

  ResidentSearchController(ResidentManagement residents, CaseManagement cases) {
    this.residents = residents;
    this.cases = cases;
  }

  @GetMapping("/residents")
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  String search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String after,
      Model model) {
    model.addAttribute("q", q);
    if (q == null) {
      return "console/resident-search";
    }
    if (CaseManagement.looksLikeReference(q)) {
      var id = cases.idOf(q);
      if (id.isPresent()) {
        return "redirect:/cases/" + q.trim().toUpperCase();
      }
    }
    try {
      ResidentSearch result = residents.search(q, after);
      model.addAttribute("result", result);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
    }
    return "console/resident-search";
  }
}
