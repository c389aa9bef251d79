// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.system.DateInputs;
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
 * The DPO's pages: the subject access register, and one resident's requests with the form that
 * records a new one and the button that makes the pack.
 */
@Controller
class SubjectAccessController {

  static final int ANSWERED_SHOWN = 50;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final SubjectAccessRegister register;
  private final SubjectAccessPack packs;
  private final ResidentManagement residents;

  SubjectAccessController(
      SubjectAccessRegister register, SubjectAccessPack packs, ResidentManagement residents) {
    this.register = register;
    this.packs = packs;
    this.residents = residents;
  }

  @GetMapping("/privacy/subject-access")
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  String registerPage(Model model) {
    List<SubjectAccessRequest> open = register.open();
    List<SubjectAccessRequest> answered = register.answered(ANSWERED_SHOWN);
    model.addAttribute("open", open);
    model.addAttribute("answered", answered);
    model.addAttribute(
        "names",
        residents.namesOf(
            Stream.concat(open.stream(), answered.stream())
                .map(SubjectAccessRequest::resident)
                .toList()));
    model.addAttribute("today", register.today());
    return "privacy/register";
  }

  @GetMapping("/residents/{id}/subject-access")
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  String residentPage(@PathVariable UUID id, Model model) {
    return residentPage(new ResidentId(id), new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/residents/{id}/subject-access")
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  String record(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    ResidentId resident = new ResidentId(id);
    Errors errors = new Errors();
    LocalDate received =
        DateInputs.read(
            form, "received", "The date the request was received must be a real date", errors);
    if (!errors.isEmpty()) {
      return residentPage(resident, form, errors.asMap(), model);
    }
    try {
      SubjectAccessRequest request = register.record(resident, received, form.getFirst("whoAsked"));
      redirect.addFlashAttribute(
          "banner", "Request recorded: it must be answered by " + DAY.format(request.dueOn()));
    } catch (InvalidInputException e) {
      return residentPage(resident, form, e.errors(), model);
    }
    return "redirect:/residents/" + id + "/subject-access";
  }

  @GetMapping("/residents/{id}/subject-access/pack")
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  void pack(@PathVariable UUID id, HttpServletResponse response) throws IOException {
    PackDownload.send(packs, new ResidentId(id), response);
  }

  @PostMapping("/privacy/subject-access/{request}/answered")
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  String answered(
      @PathVariable UUID request,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    SubjectAccessRequest found = register.find(request);
    Errors errors = new Errors();
    LocalDate on =
        DateInputs.read(
            form, "responded", "The date the response was sent must be a real date", errors);
    if (errors.isEmpty()) {
      try {
        register.respond(request, on);
        redirect.addFlashAttribute("banner", "Recorded as answered");
        return "redirect:/residents/" + found.resident() + "/subject-access";
      } catch (InvalidInputException e) {
        e.errors().forEach(errors::reject);
      }
    }
    return residentPage(found.resident(), form, errors.asMap(), model);
  }

  private String residentPage(
      ResidentId id, MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    ResidentId current = residents.current(id);
    model.addAttribute("residentId", current.value());
    model.addAttribute("name", residents.namesOf(List.of(current)).get(current));
    model.addAttribute("requests", register.ofResident(current));
    model.addAttribute("today", register.today());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "privacy/resident-requests";
  }
}
