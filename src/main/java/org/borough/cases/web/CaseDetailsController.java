// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borough.cases.BulkAction;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.Ward;
import org.borough.places.AddressFinder;
import org.borough.system.ConflictException;
import org.borough.system.Inputs;
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
 * Changing a case's priority, service or location on a page of its own, with the reason: the form
 * starts from what the case holds, and only what differs changes.
 */
@Controller
class CaseDetailsController {

  private final CaseManagement cases;
  private final ServiceCatalogue catalogue;
  private final AddressFinder finder;

  CaseDetailsController(CaseManagement cases, ServiceCatalogue catalogue, AddressFinder finder) {
    this.cases = cases;
    this.catalogue = catalogue;
    this.finder = finder;
  }

  @GetMapping("/cases/{reference}/details")
  @PreAuthorize("hasAuthority('CASE_WORK')")
  String form(@PathVariable String reference, Model model) {
    CaseView c = cases.viewByReference(reference);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("priority", c.summary().priority().name());
    form.add("serviceCode", c.summary().serviceCode());
    form.add("address", c.address());
    form.add("uprn", c.uprn() == null ? null : Long.toString(c.uprn()));
    form.add("latitude", c.latitude() == null ? null : c.latitude().toPlainString());
    form.add("longitude", c.longitude() == null ? null : c.longitude().toPlainString());
    form.add("wardCode", c.summary().wardCode());
    form.add("version", Integer.toString(c.version()));
    return page(c, form, Map.of(), model);
  }

  @PostMapping("/cases/{reference}/details")
  @PreAuthorize("hasAuthority('CASE_WORK')")
  String change(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    CaseView c = cases.viewByReference(reference);
    Map<String, String> errors = new LinkedHashMap<>();
    if (AddressFinder.asked(form)) {
      MultiValueMap<String, String> shown =
          finder.apply(form, model, errors, AddressFinder.CASE_LOCATION);
      return page(c, shown, errors, model);
    }
    Priority priority = null;
    try {
      priority = Priority.valueOf(String.valueOf(form.getFirst("priority")));
    } catch (IllegalArgumentException e) {
      errors.put("priority", "Choose a priority");
    }
    Long uprn = null;
    String rawUprn = Inputs.stripped(form.getFirst("uprn"));
    if (rawUprn != null) {
      uprn = Inputs.whole(rawUprn, 1, 999_999_999_999L).orElse(null);
      if (uprn == null) {
        errors.put("uprn", "A UPRN is a number of up to 12 digits");
      }
    }
    BigDecimal latitude = coordinate(form, "latitude", errors);
    BigDecimal longitude = coordinate(form, "longitude", errors);
    Integer version = Inputs.integer(form.getFirst("version"), 0, Integer.MAX_VALUE).orElse(null);
    if (!errors.isEmpty()) {
      return page(c, form, errors, model);
    }
    try {
      cases.changeDetails(
          c.id(),
          new BulkAction.ChangeDetails(
              priority,
              Inputs.stripped(form.getFirst("serviceCode")),
              new BulkAction.Location(
                  form.getFirst("address"), uprn, latitude, longitude, form.getFirst("wardCode")),
              form.getFirst("reason")),
          version);
    } catch (InvalidInputException e) {
      return page(c, form, e.errors(), model);
    } catch (ConflictException e) {
      return page(c, form, Map.of("reason", e.getMessage()), model);
    }
    redirect.addFlashAttribute("banner", "Case details changed");
    return "redirect:/cases/" + c.reference();
  }

  private static BigDecimal coordinate(
      MultiValueMap<String, String> form, String field, Map<String, String> errors) {
    String raw = Inputs.stripped(form.getFirst(field));
    if (raw == null) {
      return null;
    }
    return Inputs.decimal(raw, 3, Inputs.COORDINATE_DECIMALS)
        .orElseGet(
            () -> {
              errors.put(field, "Enter the " + field + " as a number, like 51.5072 or -0.1276");
              return null;
            });
  }

  private String page(
      CaseView c, MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    model.addAttribute("c", c);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute(
        "priorities", Options.of(List.of(Priority.values()), Priority::name, Priority::label));
    ServiceDefinition own = catalogue.find(c.summary().serviceCode()).orElse(null);
    boolean statutory = own != null && own.caseType() != CaseType.REQUEST;
    // A statutory case keeps its service: only its own is offered.
    model.addAttribute(
        "services",
        statutory
            ? Options.of(List.of(own), ServiceDefinition::code, ServiceDefinition::name)
            : Options.of(
                catalogue.activeServices().stream()
                    .filter(s -> s.caseType() == CaseType.REQUEST)
                    .toList(),
                ServiceDefinition::code,
                ServiceDefinition::name));
    model.addAttribute("wards", Options.of(catalogue.wards(), Ward::gssCode, Ward::name));
    return "cases/details";
  }
}
