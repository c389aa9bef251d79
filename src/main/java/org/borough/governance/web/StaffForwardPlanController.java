// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionQuery;
import org.borough.governance.DecisionRegister;
import org.borough.governance.ForwardPlan;
import org.borough.governance.ForwardPlanNotice;
import org.borough.governance.ForwardPlanNoticeDetails;
import org.borough.governance.ForwardPlanNoticeId;
import org.borough.governance.ForwardPlanStatus;
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
 * Democratic services' forward-plan pages: publish a notice of a forthcoming key decision, link it
 * to the decision it led to, or withdraw it.
 */
@Controller
class StaffForwardPlanController {

  private final ForwardPlan plan;
  private final DecisionRegister register;
  private final ServiceCatalogue catalogue;

  StaffForwardPlanController(
      ForwardPlan plan, DecisionRegister register, ServiceCatalogue catalogue) {
    this.plan = plan;
    this.register = register;
    this.catalogue = catalogue;
  }

  @GetMapping("/governance/forward-plan")
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  String list(Model model) {
    model.addAttribute("notices", plan.allWithDrafts(0, DecisionQuery.MAX_LIMIT));
    return "governance/staff-forward-plan";
  }

  @GetMapping("/governance/forward-plan/new")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  String newForm(Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("keyDecision", "yes");
    return form(model, form, Map.of());
  }

  @PostMapping("/governance/forward-plan/new")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  String publish(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    Errors errors = new Errors();
    ForwardPlanNoticeDetails details = ForwardPlanForm.read(form, errors);
    if (!errors.isEmpty()) {
      return form(model, form, errors.asMap());
    }
    try {
      ForwardPlanNoticeId id = plan.publish(details);
      redirect.addFlashAttribute("banner", "Notice published in the forward plan");
      return "redirect:/governance/forward-plan/" + id;
    } catch (InvalidInputException e) {
      return form(model, form, e.errors());
    }
  }

  @GetMapping("/governance/forward-plan/{id}")
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  String notice(@PathVariable UUID id, Model model) {
    return page(plan.findWithDraft(new ForwardPlanNoticeId(id)), Map.of(), null, model);
  }

  @PostMapping("/governance/forward-plan/{id}/withdraw")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  String withdraw(
      @PathVariable UUID id,
      @RequestParam(required = false) String withdrawalReason,
      @RequestParam(required = false) String version,
      Model model,
      RedirectAttributes redirect) {
    ForwardPlanNotice n = plan.findWithDraft(new ForwardPlanNoticeId(id));
    int drawnAt = EditVersions.fromForm(version, "forward-plan notice");
    try {
      plan.withdraw(n.id(), withdrawalReason, drawnAt);
      redirect.addFlashAttribute("banner", "Notice withdrawn");
      return "redirect:/governance/forward-plan/" + id;
    } catch (InvalidInputException e) {
      return page(n, e.errors(), drawnAt, model);
    }
  }

  @PostMapping("/governance/forward-plan/{id}/decision")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  String link(
      @PathVariable UUID id,
      @RequestParam(required = false) String decisionId,
      @RequestParam(required = false) String version,
      Model model,
      RedirectAttributes redirect) {
    ForwardPlanNotice n = plan.findWithDraft(new ForwardPlanNoticeId(id));
    int drawnAt = EditVersions.fromForm(version, "forward-plan notice");
    try {
      DecisionId decision;
      try {
        decision = decisionId == null || decisionId.isBlank() ? null : DecisionId.of(decisionId);
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("decisionId", "Choose the decision this notice led to");
      }
      plan.linkDecision(n.id(), decision, drawnAt);
      redirect.addFlashAttribute("banner", "Decision linked to the notice");
      return "redirect:/governance/forward-plan/" + id;
    } catch (InvalidInputException e) {
      return page(n, e.errors(), drawnAt, model);
    }
  }

  /**
   * @param version the version the officer's form was drawn at, kept when the page is shown again
   *     with errors so a colleague's change in between is still caught; null for the stored one
   */
  private String page(
      ForwardPlanNotice n, Map<String, String> errors, Integer version, Model model) {
    model.addAttribute("notice", n);
    model.addAttribute("version", version);
    model.addAttribute("errors", errors);
    model.addAttribute("wardNames", PublicDecisionsController.wardNames(catalogue));
    Map<String, String> decisions = new LinkedHashMap<>();
    if (n.status() == ForwardPlanStatus.FORTHCOMING && n.decision() == null) {
      for (var s :
          register.searchWithDrafts(
              new DecisionQuery(
                  n.publishedOn(), null, null, false, null, null, 0, DecisionQuery.MAX_LIMIT))) {
        decisions.put(
            s.id().toString(),
            s.decisionDate() + " – " + s.title() + " (" + s.status().label() + ")");
      }
    }
    model.addAttribute("decisions", decisions);
    return "governance/staff-forward-plan-notice";
  }

  private String form(Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("wards", PublicDecisionsController.wards(catalogue));
    model.addAttribute("earliest", plan.earliestDecisionDate(register.today()));
    model.addAttribute("exemptParagraphs", DecisionForm.paragraphs());
    return "governance/forward-plan-form";
  }
}
