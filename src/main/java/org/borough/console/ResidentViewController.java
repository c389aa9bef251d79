// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.console;

import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.contacts.ContactLog;
import org.borough.residents.Resident;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident single view: details, flags, cases and contacts on one page. */
@Controller
class ResidentViewController {

  static final int HISTORY = 50;

  private final ResidentManagement residents;
  private final CaseManagement cases;
  private final ContactLog contacts;

  ResidentViewController(ResidentManagement residents, CaseManagement cases, ContactLog contacts) {
    this.residents = residents;
    this.cases = cases;
    this.contacts = contacts;
  }

  @GetMapping("/residents/{id}")
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  String view(@PathVariable UUID id, Model model) {
    ResidentId requested = new ResidentId(id);
    ResidentId current = residents.current(requested);
    if (!current.equals(requested)) {
      return "redirect:/residents/" + current;
    }
    Resident resident = residents.view(current);
    model.addAttribute("resident", resident);
    model.addAttribute("cases", cases.ofResident(current, HISTORY));
    model.addAttribute("contacts", contacts.ofResident(current, HISTORY));
    return "console/resident";
  }

  @PostMapping("/residents/{id}/phones/remove")
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  String removePhone(
      @PathVariable UUID id, @RequestParam String phone, RedirectAttributes redirect) {
    residents.removePhone(new ResidentId(id), phone);
    redirect.addFlashAttribute("banner", "Phone number removed");
    return "redirect:/residents/" + id;
  }

  @PostMapping("/residents/{id}/emails/remove")
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  String removeEmail(
      @PathVariable UUID id, @RequestParam String email, RedirectAttributes redirect) {
    residents.removeEmail(new ResidentId(id), email);
    redirect.addFlashAttribute("banner", "Email address removed");
    return "redirect:/residents/" + id;
  }
}
