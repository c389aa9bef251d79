// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.Ward;
import org.borough.governance.Decision;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionQuery;
import org.borough.governance.DecisionRegister;
import org.borough.governance.DecisionSummary;
import org.borough.governance.ForwardPlan;
import org.borough.system.Errors;
import org.borough.system.Inputs;
import org.borough.system.SystemProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public register: anyone may read published decisions, without signing in (reg 13 requires the
 * record to be available to the public). Drafts are not found here.
 */
@Controller
class PublicDecisionsController {

  static final int PAGE_SIZE = 50;

  private final DecisionRegister register;
  private final ForwardPlan plan;
  private final ServiceCatalogue catalogue;
  private final SystemProperties system;

  PublicDecisionsController(
      DecisionRegister register,
      ForwardPlan plan,
      ServiceCatalogue catalogue,
      SystemProperties system) {
    this.register = register;
    this.plan = plan;
    this.catalogue = catalogue;
    this.system = system;
  }

  @GetMapping("/decisions")
  String list(@RequestParam MultiValueMap<String, String> params, Model model) {
    Errors errors = new Errors();
    LocalDate from = DecisionForm.date(params, "from", "The 'from' date", errors);
    LocalDate to = DecisionForm.date(params, "to", "The 'to' date", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.reject("to", "The 'to' date must be the same as or after the 'from' date");
    }
    int page = page(params.getFirst("page"));
    List<DecisionSummary> found = List.of();
    if (errors.isEmpty()) {
      found =
          register.search(
              new DecisionQuery(
                  from,
                  to,
                  Inputs.stripped(params.getFirst("maker")),
                  "yes".equals(params.getFirst("key")),
                  Inputs.stripped(params.getFirst("ward")),
                  Inputs.stripped(params.getFirst("q")),
                  (page - 1) * PAGE_SIZE,
                  PAGE_SIZE + 1));
    }
    model.addAttribute("form", params);
    model.addAttribute("errors", errors.asMap());
    model.addAttribute("decisions", found.stream().limit(PAGE_SIZE).toList());
    model.addAttribute("page", page);
    model.addAttribute("hasNext", found.size() > PAGE_SIZE);
    Map<String, String> makers = new LinkedHashMap<>();
    register.decisionMakers().forEach(m -> makers.put(m, m));
    model.addAttribute("makers", makers);
    model.addAttribute("wards", wards(catalogue));
    return "governance/decisions";
  }

  @GetMapping("/decisions/{id}")
  String decision(@PathVariable UUID id, Model model) {
    Decision d = register.findPublished(new DecisionId(id));
    model.addAttribute("decision", d);
    model.addAttribute("details", d.details());
    model.addAttribute("wardNames", wardNames(catalogue));
    model.addAttribute("forwardPlanNotice", plan.forDecision(d.id()).orElse(null));
    model.addAttribute("shownVersion", null);
    return "governance/decision";
  }

  @GetMapping("/decisions/{id}/versions/{version}")
  String version(@PathVariable UUID id, @PathVariable int version, Model model) {
    Decision d = register.findPublished(new DecisionId(id));
    model.addAttribute("decision", d);
    model.addAttribute("details", register.publishedVersion(d.id(), version));
    model.addAttribute("wardNames", wardNames(catalogue));
    model.addAttribute("forwardPlanNotice", plan.forDecision(d.id()).orElse(null));
    model.addAttribute("shownVersion", version);
    return "governance/decision";
  }

  /** Atom 1.0, filtered like the JSON API (dates as yyyy-mm-dd). */
  @GetMapping(value = "/decisions.atom")
  ResponseEntity<String> feed(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String decisionMaker,
      @RequestParam(defaultValue = "false") boolean keyOnly,
      @RequestParam(required = false) String ward,
      @RequestParam(required = false) String q) {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    List<AtomFeed.Entry> entries =
        register
            .search(new DecisionQuery(from, to, decisionMaker, keyOnly, ward, q, 0, 50))
            .stream()
            .map(s -> AtomFeed.entry(register.findPublished(s.id()), base + "/decisions"))
            .toList();
    return atom(system.councilName(), "decisions", base, "/decisions", entries);
  }

  /**
   * The council's Atom feed of {@code what}, at {@code path}.atom, for the page at {@code path}.
   */
  static ResponseEntity<String> atom(
      String council, String what, String base, String path, List<AtomFeed.Entry> entries) {
    String xml =
        AtomFeed.write(council + ": " + what, base + path + ".atom", base + path, council, entries);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
        .body(xml);
  }

  static Map<String, String> wards(ServiceCatalogue catalogue) {
    Map<String, String> wards = new LinkedHashMap<>();
    for (Ward w : catalogue.wards()) {
      wards.put(w.gssCode(), w.name());
    }
    return wards;
  }

  static Map<String, String> wardNames(ServiceCatalogue catalogue) {
    return wards(catalogue);
  }

  static int page(String raw) {
    try {
      return Math.max(1, Math.min(10_000, Integer.parseInt(raw)));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
