// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.Ward;
import org.borough.places.AddressFinder;
import org.borough.residents.Channel;
import org.borough.residents.Resident;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.residents.ResidentSummary;
import org.borough.residents.Vulnerability;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Register a resident, or change their details. Registration first checks for likely duplicates and
 * shows them; the agent opens one of them or confirms this is someone new.
 */
@Controller
class ResidentRegistrationController {

  private final ResidentManagement residents;
  private final ServiceCatalogue catalogue;
  private final AddressFinder finder;

  ResidentRegistrationController(
      ResidentManagement residents, ServiceCatalogue catalogue, AddressFinder finder) {
    this.residents = residents;
    this.catalogue = catalogue;
    this.finder = finder;
  }

  @GetMapping("/residents/new")
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  String form(Model model) {
    return page(model, new LinkedMultiValueMap<>(), Map.of(), List.of(), false);
  }

  @PostMapping("/residents/new")
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  String register(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    if (AddressFinder.asked(form)) {
      Map<String, String> found = new LinkedHashMap<>();
      MultiValueMap<String, String> shown =
          finder.apply(form, model, found, AddressFinder.POSTAL_ADDRESS);
      return page(model, shown, found, List.of(), false);
    }
    Errors errors = new Errors();
    ResidentDetails details = ResidentForm.read(form, errors);
    if (!errors.isEmpty()) {
      return page(model, form, errors.asMap(), List.of(), false);
    }
    if (!"yes".equals(form.getFirst("confirmNew"))) {
      List<ResidentSummary> duplicates = residents.possibleDuplicates(details);
      if (!duplicates.isEmpty()) {
        return page(model, form, Map.of(), duplicates, false);
      }
    }
    try {
      ResidentId id = residents.register(details);
      redirect.addFlashAttribute("banner", "Resident registered");
      return "redirect:/residents/" + id;
    } catch (InvalidInputException e) {
      return page(model, form, e.errors(), List.of(), false);
    }
  }

  @GetMapping("/residents/{id}/edit")
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  String edit(@PathVariable UUID id, Model model) {
    Resident resident = residents.view(new ResidentId(id));
    model.addAttribute("residentId", resident.id().value());
    return page(model, ResidentForm.of(resident), Map.of(), List.of(), true);
  }

  @PostMapping("/residents/{id}/edit")
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  String update(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    model.addAttribute("residentId", id);
    if (AddressFinder.asked(form)) {
      Map<String, String> found = new LinkedHashMap<>();
      MultiValueMap<String, String> shown =
          finder.apply(form, model, found, AddressFinder.POSTAL_ADDRESS);
      return page(model, shown, found, List.of(), true);
    }
    Errors errors = new Errors();
    ResidentDetails details = ResidentForm.read(form, errors);
    int version;
    try {
      version = Integer.parseInt(form.getFirst("version"));
    } catch (NumberFormatException e) {
      errors.reject("forename", "The form is out of date; open the resident again");
      version = -1;
    }
    if (!errors.isEmpty()) {
      return page(model, form, errors.asMap(), List.of(), true);
    }
    try {
      residents.update(new ResidentId(id), details, version);
      redirect.addFlashAttribute("banner", "Details saved");
      return "redirect:/residents/" + id;
    } catch (InvalidInputException e) {
      return page(model, form, e.errors(), List.of(), true);
    }
  }

  private String page(
      Model model,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      List<ResidentSummary> duplicates,
      boolean editing) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("duplicates", duplicates);
    model.addAttribute("editing", editing);
    Map<String, String> channels = new LinkedHashMap<>();
    for (Channel c : Channel.values()) {
      channels.put(c.name(), c.label());
    }
    model.addAttribute("channels", channels);
    Map<String, String> wards = new LinkedHashMap<>();
    for (Ward w : catalogue.wards()) {
      wards.put(w.gssCode(), w.name());
    }
    model.addAttribute("wards", wards);
    Map<String, String> flags = new LinkedHashMap<>();
    for (Vulnerability.Kind k : Vulnerability.Kind.values()) {
      flags.put(k.name(), k.label());
    }
    model.addAttribute("flags", flags);
    return "residents/resident-form";
  }
}
