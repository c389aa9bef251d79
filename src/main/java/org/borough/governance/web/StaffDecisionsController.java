// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.governance.Decision;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionMaker;
import org.borough.governance.DecisionQuery;
import org.borough.governance.DecisionRegister;
import org.borough.governance.DecisionStatus;
import org.borough.governance.DecisionVerb;
import org.borough.governance.ForwardPlan;
import org.borough.governance.InterestKind;
import org.borough.system.EditVersions;
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
 * Democratic services' pages: record a draft decision with its items, options and documents,
 * publish it, record a call-in, and correct a published decision with a reason.
 */
@Controller
class StaffDecisionsController {

  private final DecisionRegister register;
  private final ForwardPlan plan;
  private final ServiceCatalogue catalogue;

  StaffDecisionsController(
      DecisionRegister register, ForwardPlan plan, ServiceCatalogue catalogue) {
    this.register = register;
    this.plan = plan;
    this.catalogue = catalogue;
  }

  @GetMapping("/governance/decisions")
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  String list(@RequestParam(required = false) String q, Model model) {
    model.addAttribute("q", q);
    model.addAttribute(
        "decisions",
        register.searchWithDrafts(
            new DecisionQuery(null, null, null, false, null, q, 0, DecisionQuery.MAX_LIMIT)));
    return "governance/staff-decisions";
  }

  @GetMapping("/governance/decisions/new")
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  String newForm(Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("decisionMaker.kind", DecisionMaker.Kind.BODY.name());
    form.add("keyDecision", "no");
    form.add("subjectToCallIn", "yes");
    return form(model, DecisionForm.compact(form), Map.of(), null, null);
  }

  @PostMapping("/governance/decisions/new")
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  String record(
      @RequestParam MultiValueMap<String, String> raw, Model model, RedirectAttributes redirect) {
    MultiValueMap<String, String> form = DecisionForm.compact(raw);
    String action = raw.getFirst("action");
    if (action != null && action.startsWith("add-")) {
      return form(model, form, Map.of(), null, action.substring(4));
    }
    Errors errors = new Errors();
    DecisionDetails details = DecisionForm.read(form, errors);
    if (!errors.isEmpty()) {
      return form(model, form, errors.asMap(), null, null);
    }
    try {
      DecisionId id = register.recordDraft(details);
      redirect.addFlashAttribute("banner", "Draft decision recorded");
      return "redirect:/governance/decisions/" + id;
    } catch (InvalidInputException e) {
      return form(model, form, e.errors(), null, null);
    }
  }

  @GetMapping("/governance/decisions/{id}")
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  String decision(@PathVariable UUID id, Model model) {
    return decisionPage(register.find(new DecisionId(id)), Map.of(), null, model);
  }

  /** Records that a later published decision supersedes this one. */
  @PostMapping("/governance/decisions/{id}/superseded-by")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  String supersede(
      @PathVariable UUID id,
      @RequestParam(required = false) String supersededBy,
      @RequestParam(required = false) String editVersion,
      Model model,
      RedirectAttributes redirect) {
    Decision d = register.find(new DecisionId(id));
    int drawnAt = EditVersions.fromForm(editVersion, "decision");
    DecisionId later;
    try {
      later = supersededBy == null || supersededBy.isBlank() ? null : DecisionId.of(supersededBy);
    } catch (IllegalArgumentException e) {
      return decisionPage(
          d,
          Map.of("supersededBy", "Choose the decision that supersedes this one"),
          drawnAt,
          model);
    }
    try {
      register.recordSupersession(d.id(), later, drawnAt);
      redirect.addFlashAttribute("banner", "Recorded as superseded");
      return "redirect:/governance/decisions/" + id;
    } catch (InvalidInputException e) {
      return decisionPage(d, e.errors(), drawnAt, model);
    }
  }

  /**
   * @param editVersion the version the officer's form was drawn at, kept when the page is shown
   *     again with errors so a colleague's change in between is still caught; null for the stored
   */
  private String decisionPage(
      Decision d, Map<String, String> errors, Integer editVersion, Model model) {
    model.addAttribute("errors", errors);
    model.addAttribute("editVersion", editVersion);
    model.addAttribute("decision", d);
    model.addAttribute("details", d.details());
    model.addAttribute("wardNames", PublicDecisionsController.wardNames(catalogue));
    model.addAttribute("suggestions", register.keyDecisionSuggestions(d.details()));
    model.addAttribute("forwardPlanNotice", plan.forDecision(d.id()).orElse(null));
    model.addAttribute(
        "callInOpen", d.status() == DecisionStatus.PUBLISHED && d.callInDeadline() != null);
    model.addAttribute("outcomeOpen", !d.nextOutcomes().isEmpty());
    Map<String, String> successors = new LinkedHashMap<>();
    if (!d.isDraft() && d.status() != DecisionStatus.SUPERSEDED) {
      for (var s :
          register.search(
              new DecisionQuery(
                  d.details().decisionDate(),
                  null,
                  null,
                  false,
                  null,
                  null,
                  0,
                  DecisionQuery.MAX_LIMIT))) {
        if (!s.id().equals(d.id())) {
          successors.put(s.id().toString(), s.decisionDate() + " – " + s.title());
        }
      }
    }
    model.addAttribute("successors", successors);
    return "governance/staff-decision";
  }

  @GetMapping("/governance/decisions/{id}/edit")
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  String edit(@PathVariable UUID id, Model model) {
    Decision d = register.find(new DecisionId(id));
    return form(model, formOf(d), Map.of(), d, null);
  }

  /** The edit form of a decision as stored, with the edit version it is drawn at. */
  private static MultiValueMap<String, String> formOf(Decision d) {
    MultiValueMap<String, String> form = DecisionForm.of(d.details(), d.version());
    form.add("editVersion", String.valueOf(d.editVersion()));
    return form;
  }

  @PostMapping("/governance/decisions/{id}/edit")
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  String save(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> raw,
      Model model,
      RedirectAttributes redirect) {
    Decision d = register.find(new DecisionId(id));
    MultiValueMap<String, String> form = DecisionForm.compact(raw);
    String action = raw.getFirst("action");
    if (action != null && action.startsWith("add-")) {
      return form(model, form, Map.of(), d, action.substring(4));
    }
    Errors errors = new Errors();
    DecisionDetails details = DecisionForm.read(form, errors);
    Integer version = null;
    try {
      version = Integer.valueOf(form.getFirst("version"));
    } catch (NumberFormatException e) {
      // No version: a draft, or a form from before; the register checks corrections.
    }
    int editVersion = EditVersions.fromForm(form.getFirst("editVersion"), "decision");
    if (!errors.isEmpty()) {
      return form(model, form, errors.asMap(), d, null);
    }
    try {
      register.update(d.id(), details, version, form.getFirst("correctionReason"), editVersion);
      redirect.addFlashAttribute("banner", d.isDraft() ? "Draft saved" : "Correction published");
      return "redirect:/governance/decisions/" + id;
    } catch (InvalidInputException e) {
      return form(model, form, e.errors(), d, null);
    }
  }

  @PostMapping("/governance/decisions/{id}/publish")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  String publish(
      @PathVariable UUID id,
      @RequestParam(required = false) String editVersion,
      Model model,
      RedirectAttributes redirect) {
    Decision d = register.find(new DecisionId(id));
    try {
      register.publish(d.id(), EditVersions.fromForm(editVersion, "decision"));
      redirect.addFlashAttribute("banner", "Decision published");
      return "redirect:/governance/decisions/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("publishRefused", true);
      return form(model, formOf(d), e.errors(), d, null);
    }
  }

  private String form(
      Model model,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Decision decision,
      String adding) {
    model.addAttribute("form", form);
    model.addAttribute("errors", DecisionForm.formErrors(errors));
    model.addAttribute("decision", decision);
    model.addAttribute("correcting", decision != null && !decision.isDraft());
    for (String group : DecisionForm.ROWS) {
      int rows = DecisionForm.rows(form, group);
      if (group.equals(adding) || (decision == null && rows == 0)) {
        rows++;
      }
      model.addAttribute(group + "Rows", rows);
    }
    Map<String, String> verbs = new LinkedHashMap<>();
    for (DecisionVerb v : DecisionVerb.values()) {
      verbs.put(v.name(), v.label());
    }
    model.addAttribute("verbs", verbs);
    Map<String, String> interestKinds = new LinkedHashMap<>();
    for (InterestKind k : InterestKind.values()) {
      interestKinds.put(k.name(), k.label());
    }
    model.addAttribute("interestKinds", interestKinds);
    model.addAttribute("exemptParagraphs", DecisionForm.paragraphs());
    model.addAttribute("wards", PublicDecisionsController.wards(catalogue));
    return "governance/decision-form";
  }
}
