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
}
