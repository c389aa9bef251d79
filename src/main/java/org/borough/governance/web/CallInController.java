// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.borough.governance.CallIn;
import org.borough.governance.CallInOutcome;
import org.borough.governance.Decision;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionRegister;
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
 * Democratic services' pages for a decision's call-in: recording that members called it in, then
 * what scrutiny, Council or the decision maker decided about it.
 */
@Controller
@PreAuthorize("hasAuthority('DECISION_PUBLISH')")
class CallInController {

  private final DecisionRegister register;

  CallInController(DecisionRegister register) {
    this.register = register;
  }

  @GetMapping("/governance/decisions/{id}/call-in")
  String callInForm(@PathVariable UUID id, Model model) {
    return callInPage(
        register.find(new DecisionId(id)), new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/governance/decisions/{id}/call-in")
  String callIn(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Decision d = register.find(new DecisionId(id));
    Errors errors = new Errors();
    LocalDate on = DecisionForm.date(form, "calledInOn", "The call-in date", errors);
    if (!errors.isEmpty()) {
      return callInPage(d, form, errors.asMap(), model);
    }
    try {
      register.recordCallIn(
          d.id(),
          new CallIn(on, form.getFirst("calledInBy"), form.getFirst("reason")),
          EditVersions.fromForm(form.getFirst("editVersion"), "decision"));
      redirect.addFlashAttribute("banner", "Call-in recorded");
      return "redirect:/governance/decisions/" + id;
    } catch (InvalidInputException e) {
      return callInPage(d, form, e.errors(), model);
    }
  }

  @GetMapping("/governance/decisions/{id}/call-in/outcome")
  String outcomeForm(@PathVariable UUID id, Model model) {
    return outcomePage(
        register.find(new DecisionId(id)), new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/governance/decisions/{id}/call-in/outcome")
  String outcome(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Decision d = register.find(new DecisionId(id));
    Errors errors = new Errors();
    CallInOutcome.Outcome what = outcome(form.getFirst("outcome"));
    if (what == null) {
      errors.reject("outcome", "Choose what was decided");
    }
    LocalDate on = DecisionForm.date(form, "decidedOn", "The date it was decided", errors);
    if (!errors.isEmpty()) {
      return outcomePage(d, form, errors.asMap(), model);
    }
    try {
      register.recordCallInOutcome(
          d.id(),
          new CallInOutcome(what, on, form.getFirst("decidedBy"), form.getFirst("notes")),
          EditVersions.fromForm(form.getFirst("editVersion"), "decision"));
      redirect.addFlashAttribute("banner", "Outcome recorded: " + what.label());
      return "redirect:/governance/decisions/" + id;
    } catch (InvalidInputException e) {
      return outcomePage(d, form, e.errors(), model);
    }
  }

  /** The outcome chosen; whether the decision is waiting for it is the register's to say. */
  private static CallInOutcome.Outcome outcome(String chosen) {
    for (CallInOutcome.Outcome o : CallInOutcome.Outcome.values()) {
      if (o.name().equals(chosen)) {
        return o;
      }
    }
    return null;
  }

  private static String callInPage(
      Decision d, MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    model.addAttribute("decision", d);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "governance/call-in";
  }

  private static String outcomePage(
      Decision d, MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    d.nextOutcomes().forEach(o -> outcomes.put(o.name(), o.label()));
    model.addAttribute("decision", d);
    model.addAttribute("outcomes", outcomes);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "governance/call-in-outcome";
  }
}
