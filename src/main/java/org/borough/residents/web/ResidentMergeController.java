// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.borough.residents.Resident;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.residents.ResidentSummary;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Find a duplicate of this resident and merge it in; the merge is audited on both records. */
@Controller
class ResidentMergeController {

  private final ResidentManagement residents;

  ResidentMergeController(ResidentManagement residents) {
    this.residents = residents;
  }

  @GetMapping("/residents/{id}/merge")
  @PreAuthorize("hasAuthority('RESIDENT_MERGE')")
  String find(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
    Resident keep = residents.view(new ResidentId(id));
    model.addAttribute("resident", keep);
    model.addAttribute("q", q);
    model.addAttribute("errors", Map.of());
    if (q != null) {
      try {
        Map<String, String> options = new LinkedHashMap<>();
        for (ResidentSummary r : residents.search(q, null).results()) {
          if (!r.id().equals(keep.id())) {
            options.put(
                r.id().value().toString(),
                r.name() + (r.address() == null ? "" : ", " + r.address()));
          }
        }
        model.addAttribute("options", options);
      } catch (InvalidInputException e) {
        model.addAttribute("errors", e.errors());
      }
    }
    return "residents/merge";
  }

  @PostMapping("/residents/{id}/merge")
  @PreAuthorize("hasAuthority('RESIDENT_MERGE')")
  String merge(
      @PathVariable UUID id,
      @RequestParam(required = false) String duplicate,
      Model model,
      RedirectAttributes redirect) {
    UUID other;
    try {
      other = UUID.fromString(duplicate);
    } catch (RuntimeException e) {
      model.addAttribute("resident", residents.view(new ResidentId(id)));
      model.addAttribute("errors", Map.of("duplicate", "Choose the duplicate record to merge"));
      return "residents/merge";
    }
    residents.merge(new ResidentId(id), new ResidentId(other));
    redirect.addFlashAttribute("banner", "Records merged: contacts and cases moved to this record");
    return "redirect:/residents/" + id;
  }
}
