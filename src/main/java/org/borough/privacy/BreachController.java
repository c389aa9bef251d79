// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
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
 * The DPO's breach log: the list, recording a breach, and one breach's page where its risk is
 * assessed, its reports recorded, notes added and, once nothing the law requires is left, closed.
 */
@Controller
class BreachController {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

  /** When the council became aware, if the form does not say what time: the working day's start. */
  private static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

  private final BreachLog log;

  BreachController(BreachLog log) {
    this.log = log;
  }

  @GetMapping("/privacy/breaches")
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  String list(Model model) {
    model.addAttribute("breaches", log.all());
    model.addAttribute("now", log.now());
    return "privacy/breaches";
  }

  @GetMapping("/privacy/breaches/new")
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  String newBreach(Model model) {
    return form(new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/privacy/breaches")
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  String record(@RequestParam MultiValueMap<String, String> form, Model model) {
    Errors errors = new Errors();
    LocalDate day = DateInputs.read(form, "found", "The date must be a real date", errors);
    LocalTime time = time(form.getFirst("foundTime"), errors);
    Integer people = people(form.getFirst("peopleAffected"), errors);
    // A time that is not one is its own error; the day alone is still checked.
    Instant found =
        day == null
            ? null
            : day.atTime(time == null ? DEFAULT_TIME : time).atZone(log.zone()).toInstant();
    // The form's own errors (a date that is not real, say) first, then the log's, all at once.
    log.check(form.getFirst("summary"), form.getFirst("dataAffected"), people, found)
        .asMap()
        .forEach(errors::reject);
    if (!errors.isEmpty()) {
      return form(form, errors.asMap(), model);
    }
    try {
      Breach breach =
          log.record(form.getFirst("summary"), form.getFirst("dataAffected"), people, found);
      return "redirect:/privacy/breaches/" + breach.id();
    } catch (InvalidInputException e) {
      return form(form, e.errors(), model);
    }
  }

  @GetMapping("/privacy/breaches/{id}")
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  String view(@PathVariable UUID id, Model model) {
    return page(id, new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/privacy/breaches/{id}/assessment")
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  String assess(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Breach.Risk risk = null;
    try {
      String chosen = form.getFirst("risk");
      risk = chosen == null ? null : Breach.Risk.valueOf(chosen);
    } catch (IllegalArgumentException e) {
      // unknown value: treated as not chosen, and refused by the log
    }
    Breach.Risk assessed = risk;
    return act(
        id,
        form,
        model,
        redirect,
        "Assessment recorded",
        () -> log.assess(id, assessed, form.getFirst("reasons")));
  }

  @PostMapping("/privacy/breaches/{id}/ico")
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  String icoTold(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    return dated(
        id,
        form,
        model,
        redirect,
        "icoTold",
        "Report to the ICO recorded",
        on -> log.icoTold(id, on, form.getFirst("icoReference")));
  }

  @PostMapping("/privacy/breaches/{id}/people")
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  String peopleTold(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    return dated(
        id,
        form,
        model,
        redirect,
        "peopleTold",
        "Telling the people affected recorded",
        on -> log.peopleTold(id, on));
  }

  @PostMapping("/privacy/breaches/{id}/notes")
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  String note(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    return act(
        id, form, model, redirect, "Note added", () -> log.addNote(id, form.getFirst("note")));
  }

  @PostMapping("/privacy/breaches/{id}/close")
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  String close(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
    return act(
        id, new LinkedMultiValueMap<>(), model, redirect, "Breach closed", () -> log.close(id));
  }

  private String dated(
      UUID id,
      MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect,
      String field,
      String done,
      Consumer<LocalDate> action) {
    Errors errors = new Errors();
    LocalDate on = DateInputs.read(form, field, "The date must be a real date", errors);
    if (!errors.isEmpty()) {
      return page(id, form, errors.asMap(), model);
    }
    return act(id, form, model, redirect, done, () -> action.accept(on));
  }

  /** Does one change; its banner and a redirect on success, the page with the errors if not. */
  private String act(
      UUID id,
      MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect,
      String done,
      Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException e) {
      return page(id, form, e.errors(), model);
    }
    redirect.addFlashAttribute("banner", done);
    return "redirect:/privacy/breaches/" + id;
  }

  private String page(
      UUID id, MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    model.addAttribute("found", log.find(id));
    model.addAttribute("now", log.now());
    model.addAttribute("risks", Breach.Risk.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "privacy/breach";
  }

  private String form(MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "privacy/breach-new";
  }

  private static LocalTime time(String typed, Errors errors) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty()) {
      return DEFAULT_TIME;
    }
    try {
      return LocalTime.parse(t.replace('.', ':'), TIME);
    } catch (DateTimeParseException e) {
      errors.reject("foundTime", "Enter the time as hours and minutes, like 14:30");
      return null;
    }
  }

  private static Integer people(String typed, Errors errors) {
    String t = typed == null ? "" : typed.strip().replace(",", "");
    if (t.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(t);
    } catch (NumberFormatException e) {
      errors.reject("peopleAffected", "Enter the number of people affected as a whole number");
      return null;
    }
  }
}
