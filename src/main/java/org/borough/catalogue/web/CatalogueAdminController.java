// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.borough.catalogue.AttributeType;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.ServiceInput;
import org.borough.catalogue.SlaPolicy;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.borough.system.EditVersions;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.context.MessageSource;
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
 * Administration of the service catalogue: services with their team, priority and SLA policy, and
 * the questions each service's form asks. Form fields are named as {@link ServiceInput}'s, so the
 * catalogue's errors land on the field they are about.
 */
@Controller
class CatalogueAdminController {

  private static final UUID NO_SUCH_TEAM = new UUID(0, 0);

  private final ServiceCatalogue catalogue;
  private final StaffDirectory staff;
  private final MessageSource messages;

  CatalogueAdminController(
      ServiceCatalogue catalogue, StaffDirectory staff, MessageSource messages) {
    this.catalogue = catalogue;
    this.staff = staff;
    this.messages = messages;
  }

  @GetMapping("/admin/services")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String list(Model model) {
    model.addAttribute("services", catalogue.services());
    return "catalogue/admin-services";
  }

  @GetMapping("/admin/services/new")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String newService(Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("active", "true");
    form.add("published", "false");
    form.add("caseType", CaseType.REQUEST.name());
    form.add("priority", Priority.NORMAL.name());
    form.add("slaUnit", SlaPolicy.Unit.WORKING_DAYS.name());
    form.add("slaWarningPercent", "75");
    form.add("slaPauseStatuses", "ON_HOLD");
    return servicePage(null, form, Map.of(), model);
  }

  @PostMapping("/admin/services/new")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String define(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    try {
      ServiceDefinition s = catalogue.define(serviceInput(form, List.of()));
      redirect.addFlashAttribute("banner", message("admin.services.added", s.name()));
      return "redirect:/admin/services/" + s.code();
    } catch (InvalidInputException e) {
      return servicePage(null, form, e.errors(), model);
    }
  }

  @GetMapping("/admin/services/{code}")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String edit(@PathVariable String code, Model model) {
    ServiceDefinition s = require(code);
    return servicePage(s, serviceForm(s), Map.of(), model);
  }

  @PostMapping("/admin/services/{code}")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String change(
      @PathVariable String code,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    ServiceDefinition before = require(code);
    List<ServiceInput.AttributeInput> questions =
        before.attributes().stream().map(ServiceInput::of).toList();
    try {
      ServiceDefinition s =
          catalogue.change(code, serviceInput(form, questions), version(form.getFirst("version")));
      redirect.addFlashAttribute("banner", message("admin.services.saved", s.name()));
      return "redirect:/admin/services/" + s.code();
    } catch (InvalidInputException e) {
      return servicePage(before, form, e.errors(), model);
    }
  }

  @GetMapping("/admin/services/{code}/attributes/new")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String newAttribute(@PathVariable String code, Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("type", AttributeType.STRING.name());
    form.add("required", "false");
    form.add("active", "true");
    ServiceDefinition s = require(code);
    form.add("version", String.valueOf(s.version()));
    return attributePage(s, null, form, Map.of(), model);
  }

  @PostMapping("/admin/services/{code}/attributes/new")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String addAttribute(
      @PathVariable String code,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    ServiceDefinition s = require(code);
    try {
      catalogue.addAttribute(code, attributeInput(form), version(form.getFirst("version")));
      redirect.addFlashAttribute(
          "banner", message("admin.attributes.added", form.getFirst("label")));
      return "redirect:/admin/services/" + code;
    } catch (InvalidInputException e) {
      return attributePage(s, null, form, e.errors(), model);
    }
  }

  @GetMapping("/admin/services/{code}/attributes/{attribute}")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String editAttribute(@PathVariable String code, @PathVariable String attribute, Model model) {
    ServiceDefinition s = require(code);
    ServiceAttribute a = requireAttribute(s, attribute);
    MultiValueMap<String, String> form = attributeForm(a);
    form.add("version", String.valueOf(s.version()));
    return attributePage(s, a, form, Map.of(), model);
  }

  @PostMapping("/admin/services/{code}/attributes/{attribute}")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String changeAttribute(
      @PathVariable String code,
      @PathVariable String attribute,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    ServiceDefinition s = require(code);
    ServiceAttribute a = requireAttribute(s, attribute);
    try {
      catalogue.changeAttribute(
          code, attribute, attributeInput(form), version(form.getFirst("version")));
      redirect.addFlashAttribute(
          "banner", message("admin.attributes.saved", form.getFirst("label")));
      return "redirect:/admin/services/" + code;
    } catch (InvalidInputException e) {
      // A changed code removes the old one, which the catalogue reports for the whole list.
      Map<String, String> errors = new LinkedHashMap<>();
      e.errors().forEach((k, v) -> errors.putIfAbsent("attributes".equals(k) ? "code" : k, v));
      return attributePage(s, a, form, errors, model);
    }
  }

  @PostMapping("/admin/services/{code}/attributes/{attribute}/move")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String moveAttribute(
      @PathVariable String code,
      @PathVariable String attribute,
      @RequestParam(required = false) String direction,
      @RequestParam(required = false) String version) {
    requireAttribute(require(code), attribute);
    catalogue.moveAttribute(code, attribute, "up".equals(direction) ? -1 : 1, version(version));
    return "redirect:/admin/services/" + code + "#questions";
  }

  @PostMapping("/admin/services/{code}/attributes/{attribute}/remove")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  String removeAttribute(
      @PathVariable String code,
      @PathVariable String attribute,
      @RequestParam(required = false) String version,
      Model model,
      RedirectAttributes redirect) {
    ServiceDefinition s = require(code);
    ServiceAttribute a = requireAttribute(s, attribute);
    try {
      catalogue.removeAttribute(code, attribute, version(version));
      redirect.addFlashAttribute("banner", message("admin.attributes.removed", a.label()));
      return "redirect:/admin/services/" + code;
    } catch (InvalidInputException e) {
      // The question has answers: say so on the service page, pointing at the questions table.
      Map<String, String> errors = new LinkedHashMap<>();
      e.errors().values().forEach(m -> errors.putIfAbsent("questions", m));
      return servicePage(s, serviceForm(s), errors, model);
    }
  }

  private ServiceDefinition require(String code) {
    return catalogue.find(code).orElseThrow(() -> new NotFoundException("Service " + code));
  }

  private static ServiceAttribute requireAttribute(ServiceDefinition s, String code) {
    return s.attributes().stream()
        .filter(a -> a.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Question " + code));
  }

  private String servicePage(
      ServiceDefinition service,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("service", service);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    Map<String, String> teams = new LinkedHashMap<>();
    for (Team t : staff.teams()) {
      if (t.active() || (service != null && t.id().equals(service.defaultTeam()))) {
        teams.put(t.id().value().toString(), t.name());
      }
    }
    model.addAttribute("teams", teams);
    Map<String, String> priorities = new LinkedHashMap<>();
    for (Priority p : Priority.values()) {
      priorities.put(p.name(), p.label());
    }
    model.addAttribute("priorities", priorities);
    Map<String, String> units = new LinkedHashMap<>();
    for (SlaPolicy.Unit u : SlaPolicy.Unit.values()) {
      units.put(u.name(), message("admin.services.unit." + u.name()));
    }
    model.addAttribute("units", units);
    Map<String, String> caseTypes = new LinkedHashMap<>();
    for (CaseType t : CaseType.values()) {
      caseTypes.put(t.name(), t.label());
    }
    model.addAttribute("caseTypes", caseTypes);
    model.addAttribute("pausable", catalogue.pausableStatuses());
    model.addAttribute(
        "activeOptions", yesNo("admin.services.active.yes", "admin.services.active.no"));
    model.addAttribute(
        "publishedOptions", yesNo("admin.services.published.yes", "admin.services.published.no"));
    return "catalogue/admin-service";
  }

  private String attributePage(
      ServiceDefinition service,
      ServiceAttribute attribute,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("service", service);
    model.addAttribute("attribute", attribute);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    Map<String, String> types = new LinkedHashMap<>();
    for (AttributeType t : AttributeType.values()) {
      types.put(t.name(), message("admin.attributes.type." + t.name()));
    }
    model.addAttribute("types", types);
    model.addAttribute("requiredOptions", yesNo("yes", "no"));
    model.addAttribute(
        "activeOptions", yesNo("admin.attributes.active.yes", "admin.attributes.active.no"));
    return "catalogue/admin-attribute";
  }

  /** The service version a question form or button was drawn at. */
  private static int version(String value) {
    return EditVersions.fromForm(value, "service");
  }

  private Map<String, String> yesNo(String yes, String no) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("true", message(yes));
    options.put("false", message(no));
    return options;
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, Locale.UK);
  }

  private static ServiceInput serviceInput(
      MultiValueMap<String, String> f, List<ServiceInput.AttributeInput> questions) {
    return new ServiceInput(
        f.getFirst("code"),
        f.getFirst("name"),
        f.getFirst("group"),
        f.getFirst("description"),
        !"false".equals(f.getFirst("active")),
        team(f.getFirst("defaultTeamId")),
        f.getFirst("priority"),
        whole(f.getFirst("slaTarget")),
        f.getFirst("slaUnit"),
        whole(f.getFirst("slaWarningPercent")),
        f.getOrDefault("slaPauseStatuses", List.of()),
        questions,
        "true".equals(f.getFirst("published")),
        f.getFirst("caseType"));
  }

  private static MultiValueMap<String, String> serviceForm(ServiceDefinition s) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("code", s.code());
    form.add("name", s.name());
    form.add("group", s.group());
    form.add("description", s.description());
    form.add("active", String.valueOf(s.active()));
    form.add("published", String.valueOf(s.published()));
    form.add("caseType", s.caseType().name());
    if (s.defaultTeam() != null) {
      form.add("defaultTeamId", s.defaultTeam().value().toString());
    }
    form.add("priority", s.priority().name());
    form.add("slaTarget", String.valueOf(s.sla().target()));
    form.add("slaUnit", s.sla().unit().name());
    form.add("slaWarningPercent", String.valueOf(s.sla().warningPercent()));
    form.put("slaPauseStatuses", new ArrayList<>(s.sla().pauseStatuses()));
    form.add("version", String.valueOf(s.version()));
    return form;
  }

  /** Values are typed one a line as {@code key: Name}, or just {@code Name} for a new one. */
  private static ServiceInput.AttributeInput attributeInput(MultiValueMap<String, String> f) {
    List<ServiceInput.ValueInput> values = new ArrayList<>();
    String lines = f.getFirst("values");
    if (lines != null) {
      for (String line : lines.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        int colon = line.indexOf(':');
        values.add(
            colon < 0
                ? new ServiceInput.ValueInput(keyFor(line), line.trim())
                : new ServiceInput.ValueInput(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
      }
    }
    return new ServiceInput.AttributeInput(
        f.getFirst("code"),
        f.getFirst("label"),
        f.getFirst("type"),
        "true".equals(f.getFirst("required")),
        f.getFirst("helpText"),
        !"false".equals(f.getFirst("active")),
        values);
  }

  private static MultiValueMap<String, String> attributeForm(ServiceAttribute a) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("code", a.code());
    form.add("label", a.label());
    form.add("type", a.type().name());
    form.add("required", String.valueOf(a.required()));
    form.add("helpText", a.helpText());
    form.add("active", String.valueOf(a.active()));
    form.add(
        "values",
        String.join("\n", a.values().stream().map(v -> v.key() + ": " + v.name()).toList()));
    return form;
  }

  /** 'Garden waste' becomes {@code garden_waste}. */
  static String keyFor(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    key = key.replaceAll("^_+|_+$", "");
    return key.length() > 40 ? key.substring(0, 40) : key;
  }

  /** Not a whole number: null, which the catalogue reports on the field. */
  private static Integer whole(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Not a team's id: one that matches no team, which the catalogue reports on the field. */
  private static UUID team(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(s.trim());
    } catch (IllegalArgumentException e) {
      return NO_SUCH_TEAM;
    }
  }
}
