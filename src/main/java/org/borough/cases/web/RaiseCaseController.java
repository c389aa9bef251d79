// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.places.AddressFinder;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.system.Errors;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Raise a case in two steps: choose the service, then answer its questions. The second form is
 * built from the service definition, so a new service needs no new page.
 */
@Controller
class RaiseCaseController {

  private final CaseManagement cases;
  private final ServiceCatalogue catalogue;
  private final ResidentManagement residents;
  private final AddressFinder finder;

  RaiseCaseController(
      CaseManagement cases,
      ServiceCatalogue catalogue,
      ResidentManagement residents,
      AddressFinder finder) {
    this.cases = cases;
    this.catalogue = catalogue;
    this.residents = residents;
    this.finder = finder;
  }

  @GetMapping("/cases/new")
  @PreAuthorize("hasAuthority('CASE_RAISE')")
  String form(@RequestParam MultiValueMap<String, String> params, Model model) {
    String service = params.getFirst("service");
    if (service == null || catalogue.find(service).filter(ServiceDefinition::active).isEmpty()) {
      Map<String, String> errors =
          service == null ? Map.of() : Map.of("service", "Choose a service from the list");
      return chooseService(params, errors, model);
    }
    return details(catalogue.find(service).get(), params, Map.of(), model);
  }

  @PostMapping("/cases/new")
  @PreAuthorize("hasAuthority('CASE_RAISE')")
  String raise(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    var service = catalogue.find(form.getFirst("service")).filter(ServiceDefinition::active);
    if (service.isEmpty()) {
      return chooseService(form, Map.of("service", "Choose a service from the list"), model);
    }
    if (AddressFinder.asked(form)) {
      Map<String, String> found = new LinkedHashMap<>();
      MultiValueMap<String, String> shown =
          finder.apply(form, model, found, AddressFinder.CASE_LOCATION);
      return details(service.get(), shown, found, model);
    }
    Errors errors = new Errors();
    NewCase request = read(service.get(), form, errors);
    if (!errors.isEmpty()) {
      return details(service.get(), form, errors.asMap(), model);
    }
    try {
      CaseView opened = cases.open(request);
      redirect.addFlashAttribute("banner", "Case " + opened.reference() + " raised");
      return "redirect:/cases/" + opened.reference();
    } catch (InvalidInputException e) {
      return details(service.get(), form, e.errors(), model);
    }
  }

  private NewCase read(ServiceDefinition service, MultiValueMap<String, String> f, Errors errors) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (ServiceAttribute a : service.activeAttributes()) {
      List<String> values = f.get(a.fieldName());
      if (values != null) {
        answers.put(a.code(), values);
      }
    }
    return new NewCase(
        service.code(),
        uuid(f.getFirst("resident"), "resident", errors) == null
            ? null
            : new ResidentId(uuid(f.getFirst("resident"), "resident", errors)),
        f.getFirst("description"),
        f.getFirst("address"),
        number(f.getFirst("uprn"), "uprn", errors, Long::valueOf),
        number(f.getFirst("latitude"), "latitude", errors, RaiseCaseController::degrees),
        number(f.getFirst("longitude"), "longitude", errors, RaiseCaseController::degrees),
        f.getFirst("wardCode"),
        answers,
        enumOf(Priority.class, f.getFirst("priority"), "priority", errors),
        null,
        enumOf(Channel.class, f.getFirst("channel"), "channel", errors),
        uuid(f.getFirst("contact"), "contact", errors));
  }

  private String chooseService(
      MultiValueMap<String, String> params, Map<String, String> errors, Model model) {
    model.addAttribute("errors", errors);
    model.addAttribute("form", params);
    model.addAttribute(
        "services",
        Options.of(
            catalogue.activeServices(), ServiceDefinition::code, s -> s.group() + ": " + s.name()));
    carry(params, model);
    return "cases/choose-service";
  }

  private String details(
      ServiceDefinition service,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Model model) {
    MultiValueMap<String, String> shown = new LinkedMultiValueMap<>(form);
    if (shown.getFirst("priority") == null) {
      shown.add("priority", service.priority().name());
    }
    model.addAttribute("form", shown);
    model.addAttribute("errors", errors);
    model.addAttribute("service", service);
    model.addAttribute(
        "priorities", Options.of(List.of(Priority.values()), Priority::name, Priority::label));
    model.addAttribute("wards", Options.of(catalogue.wards(), w -> w.gssCode(), w -> w.name()));
    carry(form, model);
    return "cases/raise-case";
  }

  /** Resident, contact and channel travel through both steps in hidden fields. */
  private void carry(MultiValueMap<String, String> params, Model model) {
    String resident = params.getFirst("resident");
    model.addAttribute("resident", resident);
    model.addAttribute("contact", params.getFirst("contact"));
    model.addAttribute("channel", params.getFirst("channel"));
    if (resident != null) {
      try {
        model.addAttribute(
            "residentName",
            residents.nameOf(new ResidentId(UUID.fromString(resident))).orElse(null));
      } catch (IllegalArgumentException e) {
        model.addAttribute("residentName", null);
      }
    }
  }

  private static UUID uuid(String s, String field, Errors errors) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(s.trim());
    } catch (IllegalArgumentException e) {
      errors.reject(field, "The link is broken; start again from the resident");
      return null;
    }
  }

  /** Degrees as typed, bounded before BigDecimal sees them; the case checks the UK's range. */
  private static BigDecimal degrees(String s) {
    return Inputs.decimal(s, 3, Inputs.COORDINATE_DECIMALS)
        .orElseThrow(() -> new NumberFormatException("not degrees"));
  }

  private static <T> T number(
      String s, String field, Errors errors, java.util.function.Function<String, T> parse) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return parse.apply(s.trim());
    } catch (NumberFormatException e) {
      errors.reject(field, "Enter a number");
      return null;
    }
  }

  private static <E extends Enum<E>> E enumOf(
      Class<E> type, String s, String field, Errors errors) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      errors.reject(field, "Choose from the list");
      return null;
    }
  }
}
