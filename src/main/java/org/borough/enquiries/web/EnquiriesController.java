// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.borough.catalogue.Ward;
import org.borough.enquiries.CouncillorEnquiries;
import org.borough.enquiries.Enquiry;
import org.borough.enquiries.NewEnquiry;
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
 * The councillor's pages (their enquiries, a new one, their wards' cases) and the officers' (the
 * enquiries waiting for an answer, and the answer on an enquiry's page).
 */
@Controller
class EnquiriesController {

  /** Cases of a ward shown on one page. */
  static final int WARD_PAGE = 50;

  private final CouncillorEnquiries enquiries;
  private final java.time.Clock clock;

  EnquiriesController(CouncillorEnquiries enquiries, java.time.Clock clock) {
    this.enquiries = enquiries;
    this.clock = clock;
  }

  @GetMapping("/enquiries")
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE')")
  String mine(Model model) {
    model.addAttribute("enquiries", enquiries.mine());
    model.addAttribute("now", clock.instant());
    return "enquiries/mine";
  }

  @GetMapping("/enquiries/new")
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE')")
  String start(Model model) {
    return form(new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/enquiries")
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE')")
  String raise(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    Enquiry raised;
    try {
      raised =
          enquiries.raise(
              new NewEnquiry(
                  form.getFirst("wardCode"),
                  form.getFirst("serviceCode"),
                  form.getFirst("forename"),
                  form.getFirst("surname"),
                  form.getFirst("email"),
                  form.getFirst("phone"),
                  form.getFirst("address"),
                  form.getFirst("postcode"),
                  form.getFirst("description"),
                  form.getFirst("aboutReference")));
    } catch (InvalidInputException e) {
      return form(form, e.errors(), model);
    }
    redirect.addFlashAttribute(
        "banner", "Enquiry " + raised.reference() + " raised: it is due by the date shown");
    return "redirect:/enquiries/" + raised.reference();
  }

  @GetMapping("/enquiries/queue")
  @PreAuthorize("hasAuthority('ENQUIRY_RESPOND')")
  String queue(Model model) {
    model.addAttribute("enquiries", enquiries.waiting());
    model.addAttribute("now", clock.instant());
    return "enquiries/queue";
  }

  @GetMapping("/enquiries/{reference}")
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE') or hasAuthority('ENQUIRY_RESPOND')")
  String view(@PathVariable String reference, Model model) {
    return page(reference, new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/enquiries/{reference}/answer")
  @PreAuthorize("hasAuthority('ENQUIRY_RESPOND')")
  String answer(
      @PathVariable String reference,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    return org.borough.system.FormSteps.run(
        () -> enquiries.respond(reference, form.getFirst("answer")),
        "answer",
        errors -> page(reference, form, errors, model),
        redirect,
        "Answer sent: the case is resolved and the resident told",
        () -> "/enquiries/" + enquiries.find(reference).enquiry().reference());
  }

  @GetMapping("/wards")
  @PreAuthorize("hasAuthority('WARD_CASES_READ')")
  String wards(
      @RequestParam(required = false) String ward,
      @RequestParam(defaultValue = "1") String page,
      Model model) {
    var wards = enquiries.myWards();
    String chosen =
        wards.stream()
            .map(Ward::gssCode)
            .filter(c -> c.equals(ward))
            .findFirst()
            .orElse(wards.isEmpty() ? null : wards.get(0).gssCode());
    int number = org.borough.system.Inputs.integer(page, 1, 1000).orElse(1);
    model.addAttribute("wards", wards);
    model.addAttribute("ward", chosen);
    model.addAttribute(
        "wardName",
        wards.stream()
            .filter(w -> w.gssCode().equals(chosen))
            .map(Ward::name)
            .findFirst()
            .orElse(""));
    model.addAttribute("page", number);
    var shown =
        chosen == null
            ? java.util.List.<org.borough.cases.CaseFeed.PublicCase>of()
            : enquiries.wardCases(chosen, (number - 1) * WARD_PAGE, WARD_PAGE + 1);
    model.addAttribute("cases", shown.subList(0, Math.min(shown.size(), WARD_PAGE)));
    model.addAttribute("more", shown.size() > WARD_PAGE);
    return "enquiries/wards";
  }

  private String form(MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    Map<String, String> wards = new LinkedHashMap<>();
    enquiries.myWards().forEach(w -> wards.put(w.gssCode(), w.name()));
    Map<String, String> services = new LinkedHashMap<>();
    enquiries.services().forEach(s -> services.put(s.code(), s.name()));
    model.addAttribute("wards", wards);
    model.addAttribute("services", services);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "enquiries/new";
  }

  private String page(
      String reference,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("page", enquiries.find(reference));
    model.addAttribute("now", clock.instant());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "enquiries/enquiry";
  }
}
