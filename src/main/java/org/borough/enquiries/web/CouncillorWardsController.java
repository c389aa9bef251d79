// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borough.enquiries.CouncillorEnquiries;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators tie each councillor (a member of staff with the councillor role) to wards. */
@Controller
class CouncillorWardsController {

  private final CouncillorEnquiries enquiries;
  private final org.borough.catalogue.ServiceCatalogue catalogue;

  CouncillorWardsController(
      CouncillorEnquiries enquiries, org.borough.catalogue.ServiceCatalogue catalogue) {
    this.enquiries = enquiries;
    this.catalogue = catalogue;
  }

  @GetMapping("/admin/councillors")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String list(Model model) {
    return page(model, null, Map.of());
  }

  @PostMapping("/admin/councillors/{username}")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String wards(
      @PathVariable String username,
      @RequestParam(name = "wards", required = false) List<String> wards,
      Model model,
      RedirectAttributes redirect) {
    try {
      enquiries.setWards(username, wards == null ? Set.of() : Set.copyOf(wards));
    } catch (org.borough.system.InvalidInputException e) {
      return page(model, username, e.errors());
    }
    redirect.addFlashAttribute("banner", "Wards saved for " + username);
    return "redirect:/admin/councillors";
  }

  private String page(Model model, String editing, Map<String, String> errors) {
    Map<String, String> wards = new LinkedHashMap<>();
    catalogue.wards().forEach(w -> wards.put(w.gssCode(), w.name()));
    model.addAttribute("councillors", enquiries.councillors());
    model.addAttribute("wardOptions", wards);
    model.addAttribute("editing", editing);
    model.addAttribute("errors", errors);
    return "enquiries/councillors";
  }
}
