// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borough.cases.CaseManagement;
import org.borough.information.Disclosure;
import org.borough.information.Exemption;
import org.borough.information.InformationRequest;
import org.borough.information.InformationRequests;
import org.borough.information.ReviewOutcome;
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
 * The information officer's pages: requests waiting for an answer or a review, and one request's
 * page with its clock and the step the law asks for next.
 */
@Controller
class InformationController {

  static final int QUEUE_SIZE = 200;

  private final InformationRequests requests;
  private final CaseManagement cases;

  InformationController(InformationRequests requests, CaseManagement cases) {
    this.requests = requests;
    this.cases = cases;
  }

  @GetMapping("/information-requests")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  String queue(Model model) {
    model.addAttribute("requests", requests.open(QUEUE_SIZE));
    model.addAttribute("now", requests.now());
    return "information/queue";
  }

  @GetMapping("/information-requests/{reference}")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  String view(@PathVariable String reference, Model model) {
    return page(reference, new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/information-requests/{reference}/clarification")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  String clarification(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    return act(
        reference,
        form,
        "question",
        model,
        redirect,
        "Clarification asked for: the clock has stopped",
        () -> requests.askForClarification(reference, form.getFirst("question")));
  }

  @PostMapping("/information-requests/{reference}/clarified")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  String clarified(@PathVariable String reference, Model model, RedirectAttributes redirect) {
    return act(
        reference,
        new LinkedMultiValueMap<>(),
        "clarified",
        model,
        redirect,
        "Clarification received: 20 working days from today",
        () -> requests.clarified(reference));
  }

  @PostMapping("/information-requests/{reference}/extension")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  String extend(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Errors errors = new Errors();
    LocalDate until = DateInputs.read(form, "until", "The new date must be a real date", errors);
    if (!errors.isEmpty()) {
      return page(reference, form, errors.asMap(), model);
    }
    return act(
        reference,
        form,
        "until",
        model,
        redirect,
        "Extension recorded and the requester told",
        () -> requests.extend(reference, until, form.getFirst("reason")));
  }

  @PostMapping("/information-requests/{reference}/response")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  String respond(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Disclosure outcome = FormSteps.choice(Disclosure.class, form.getFirst("outcome"));
    List<Exemption> exemptions = new ArrayList<>();
    for (String code : form.getOrDefault("exemptions", List.of())) {
      Exemption e = FormSteps.choice(Exemption.class, code);
      if (e == null) {
        return page(
            reference, form, Map.of("exemptions", "Choose exemptions from the list"), model);
      }
      exemptions.add(e);
    }
    String title = "yes".equals(form.getFirst("publish")) ? form.getFirst("logTitle") : null;
    if ("yes".equals(form.getFirst("publish")) && (title == null || title.isBlank())) {
      return page(
          reference,
          form,
          Map.of("logTitle", "Give the disclosure log a title that names no one"),
          model);
    }
    return act(
        reference,
        form,
        "outcome",
        model,
        redirect,
        "Response sent to the requester",
        () -> requests.respond(reference, outcome, exemptions, form.getFirst("response"), title));
  }

  @PostMapping("/information-requests/{reference}/review")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  String review(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    return act(
        reference,
        form,
        "reviewReason",
        model,
        redirect,
        "Internal review started: 20 working days",
        () -> requests.requestReview(reference, form.getFirst("reviewReason")));
  }

  @PostMapping("/information-requests/{reference}/review-response")
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  String reviewResponse(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    ReviewOutcome outcome = FormSteps.choice(ReviewOutcome.class, form.getFirst("reviewOutcome"));
    return act(
        reference,
        form,
        "reviewOutcome",
        model,
        redirect,
        "Review's response sent to the requester",
        () -> requests.answerReview(reference, outcome, form.getFirst("reviewResponse")));
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
        () -> "/information-requests/" + requests.find(reference).reference());
  }

  private String page(
      String reference,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Model model) {
    InformationRequest request = requests.find(reference);
    model.addAttribute("request", request);
    model.addAttribute("kase", cases.view(request.caseId()));
    model.addAttribute("now", requests.now());
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (Disclosure d : Disclosure.values()) {
      outcomes.put(d.name(), d.label());
    }
    Map<String, String> exemptions = new LinkedHashMap<>();
    for (Exemption e : Exemption.values()) {
      if (e.regime() == request.regime()) {
        exemptions.put(e.name(), e.label());
      }
    }
    Map<String, String> reviewOutcomes = new LinkedHashMap<>();
    for (ReviewOutcome o : ReviewOutcome.values()) {
      reviewOutcomes.put(o.name(), o.label());
    }
    model.addAttribute("outcomes", outcomes);
    model.addAttribute("exemptionOptions", exemptions);
    model.addAttribute("reviewOutcomes", reviewOutcomes);
    model.addAttribute("publishOptions", Map.of("yes", "Publish on the disclosure log"));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "information/request";
  }
}
