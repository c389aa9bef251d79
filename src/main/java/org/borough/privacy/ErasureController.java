// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.residents.ResidentErasure;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.system.ConflictException;
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
 * The DPO's erasure page for one resident (what would go, what stops it, the legal holds) and the
 * register of erasures. The resident's pages ask for the password again when it was entered more
 * than {@code BOROUGH_STEP_UP} ago (identity's SecurityConfiguration).
 */
@Controller
class ErasureController {

  static final int REGISTER_SHOWN = 100;

  private final Erasure erasure;
  private final ResidentErasure residentErasure;
  private final ResidentManagement residents;

  ErasureController(
      Erasure erasure, ResidentErasure residentErasure, ResidentManagement residents) {
    this.erasure = erasure;
    this.residentErasure = residentErasure;
    this.residents = residents;
  }

  @GetMapping("/privacy/erasures")
  @PreAuthorize("hasAuthority('ERASURE')")
  String register(Model model) {
    model.addAttribute("erasures", erasure.latest(REGISTER_SHOWN));
    return "privacy/erasures";
  }

  @GetMapping("/residents/{id}/erasure")
  @PreAuthorize("hasAuthority('ERASURE')")
  String page(@PathVariable UUID id, Model model) {
    return page(new ResidentId(id), new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/residents/{id}/erasure")
  @PreAuthorize("hasAuthority('ERASURE')")
  String erase(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    ResidentId resident = new ResidentId(id);
    String reason = form.getFirst("reason");
    Errors errors = new Errors();
    if (!"yes".equals(form.getFirst("confirm"))) {
      errors.reject(
          "confirm", "Confirm that the resident's personal data is to be erased for good");
    }
    try {
      if (errors.isEmpty()) {
        ErasureRecord done = erasure.erase(resident, reason);
        redirect.addFlashAttribute(
            "banner",
            "Personal data erased: "
                + done.casesAnonymised()
                + " cases and "
                + done.contactsAnonymised()
                + " contacts kept as anonymous records");
        return "redirect:/privacy/erasures";
      }
      if (reason == null || reason.isBlank()) {
        errors.reject("reason", "Enter why the resident's personal data is being erased");
      }
    } catch (InvalidInputException e) {
      e.errors().forEach(errors::reject);
    } catch (ConflictException e) {
      errors.reject("reason", e.getMessage());
    }
    return page(resident, form, errors.asMap(), model);
  }

  @PostMapping("/residents/{id}/legal-holds")
  @PreAuthorize("hasAuthority('ERASURE')")
  String placeHold(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    ResidentId resident = new ResidentId(id);
    try {
      erasure.placeHold(resident, form.getFirst("holdReason"));
    } catch (InvalidInputException e) {
      return page(resident, form, e.errors(), model);
    }
    redirect.addFlashAttribute("banner", "Legal hold placed: the records cannot be erased");
    return "redirect:/residents/" + id + "/erasure";
  }

  @PostMapping("/residents/{id}/legal-holds/{hold}/lift")
  @PreAuthorize("hasAuthority('ERASURE')")
  String liftHold(@PathVariable UUID id, @PathVariable UUID hold, RedirectAttributes redirect) {
    ResidentId resident = erasure.liftHold(hold);
    redirect.addFlashAttribute("banner", "Legal hold lifted");
    return "redirect:/residents/" + resident + "/erasure";
  }

  private String page(
      ResidentId id, MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    ResidentId current = residents.current(id);
    model.addAttribute("residentId", current.value());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    var erasedAt = residentErasure.erasedAt(current);
    if (erasedAt.isPresent()) {
      model.addAttribute("erasedAt", erasedAt.get());
      model.addAttribute("erasure", erasure.erasureOf(current).orElse(null));
      return "privacy/erasure";
    }
    model.addAttribute("name", residents.namesOf(List.of(current)).get(current));
    model.addAttribute("check", erasure.check(current));
    return "privacy/erasure";
  }
}
