// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints.web;

import java.util.Map;
import org.borough.cases.CaseManagement;
import org.borough.complaints.Complaint;
import org.borough.complaints.Complaints;
import org.borough.complaints.Ombudsman;
import org.borough.complaints.Outcome;
import org.borough.system.DateInputs;
import org.borough.system.Errors;
import org.borough.system.FormSteps;
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
 * The complaints officer's pages: the queue of complaints waiting for a response, and one
 * complaint's page with its stages, its clocks and the actions the code's next step needs.
 */
@Controller
class ComplaintsController {

  static final int QUEUE_SIZE = 200;

  private final Complaints complaints;
  private final CaseManagement cases;

  ComplaintsController(Complaints complaints, CaseManagement cases) {
    this.complaints = complaints;
    this.cases = cases;
  }

  @GetMapping("/complaints")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  String queue(Model model) {
    model.addAttribute("complaints", complaints.open(QUEUE_SIZE));
    model.addAttribute("now", complaints.now());
    return "complaints/queue";
  }

  @GetMapping("/complaints/{reference}")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  String view(@PathVariable String reference, Model model) {
    return page(reference, new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/complaints/{reference}/acknowledgement")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  String acknowledge(@PathVariable String reference, Model model, RedirectAttributes redirect) {
    return act(
        reference,
        new LinkedMultiValueMap<>(),
        "acknowledge",
        model,
        redirect,
        "Acknowledgement sent to the resident",
        () -> complaints.acknowledge(reference));
  }

  @PostMapping("/complaints/{reference}/extension")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  String extend(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Errors errors = new Errors();
    var until = DateInputs.read(form, "until", "The new date must be a real date", errors);
    if (!errors.isEmpty()) {
      return page(reference, form, errors.asMap(), model);
    }
    return act(
        reference,
        form,
        "until",
        model,
        redirect,
        "Extension recorded and the resident told",
        () -> complaints.extend(reference, until, form.getFirst("reason")));
  }

  @PostMapping("/complaints/{reference}/response")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  String respond(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Outcome outcome = FormSteps.choice(Outcome.class, form.getFirst("outcome"));
    return act(
        reference,
        form,
        "outcome",
        model,
        redirect,
        "Response sent to the resident",
        () -> complaints.respond(reference, outcome, form.getFirst("response")));
  }

  @PostMapping("/complaints/{reference}/escalation")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  String escalate(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    return act(
        reference,
        form,
        "escalationReason",
        model,
        redirect,
        "Complaint escalated to stage 2",
        () ->
            ComplaintForms.renamed(
                "reason",
                "escalationReason",
                () -> complaints.escalate(reference, form.getFirst("escalationReason"))));
  }

  @PostMapping("/complaints/{reference}/links")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  String link(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    return act(
        reference,
        form,
        "caseReference",
        model,
        redirect,
        "Case linked",
        () -> complaints.link(reference, form.getFirst("caseReference")));
  }

  @PostMapping("/complaints/{reference}/referral")
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  String refer(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Errors errors = new Errors();
    var on = DateInputs.read(form, "referredOn", "The date must be a real date", errors);
    if (!errors.isEmpty()) {
      return page(reference, form, errors.asMap(), model);
    }
    Ombudsman ombudsman = FormSteps.choice(Ombudsman.class, form.getFirst("ombudsman"));
    return act(
        reference,
        form,
        "ombudsman",
        model,
        redirect,
        "Referral to the Ombudsman recorded",
        () -> complaints.refer(reference, ombudsman, on, form.getFirst("ombudsmanReference")));
  }

  private String act(
      String reference,
      MultiValueMap<String, String> form,
      String field,
      Model model,
      RedirectAttributes redirect,
      String done,
      Runnable action) {
    return FormSteps.run(
        action,
        field,
        errors -> page(reference, form, errors, model),
        redirect,
        done,
        () -> "/complaints/" + complaints.find(reference).reference());
  }

  private String page(
      String reference,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Model model) {
    Complaint complaint = complaints.find(reference);
    model.addAttribute("complaint", complaint);
    model.addAttribute("kase", cases.view(complaint.caseId()));
    model.addAttribute("now", complaints.now());
    model.addAttribute("outcomes", ComplaintForms.options(Outcome.values(), Outcome::label));
    model.addAttribute("ombudsmen", ComplaintForms.options(Ombudsman.values(), Ombudsman::label));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "complaints/complaint";
  }
}
