// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue.web;

import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.borough.system.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The service catalogue as staff see it: each service's questions, team and SLA target. */
@Controller
class CatalogueController {

  private final ServiceCatalogue catalogue;
  private final StaffDirectory staff;

  CatalogueController(ServiceCatalogue catalogue, StaffDirectory staff) {
    this.catalogue = catalogue;
    this.staff = staff;
  }

  @GetMapping("/services")
  @PreAuthorize("hasAuthority('CATALOGUE_READ')")
  String list(Model model) {
    model.addAttribute("services", catalogue.services());
    model.addAttribute("wards", catalogue.wards());
    return "catalogue/services";
  }

  @GetMapping("/services/{code}")
  @PreAuthorize("hasAuthority('CATALOGUE_READ')")
  String service(@PathVariable String code, Model model) {
    ServiceDefinition s =
        catalogue.find(code).orElseThrow(() -> new NotFoundException("Service " + code));
    model.addAttribute("service", s);
    model.addAttribute(
        "teamName",
        s.defaultTeam() == null
            ? null
            : staff.findTeam(s.defaultTeam()).map(Team::name).orElse(null));
    return "catalogue/service";
  }
}
