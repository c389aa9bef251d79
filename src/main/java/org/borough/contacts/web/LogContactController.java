// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.borough.contacts.Contact;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.system.Errors;
import org.borough.system.Inputs;
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
 * Log a contact, for a resident or anonymous. Choosing 'case raised' continues straight to the
 * raise-case form, which links the new case back to this contact.
 */
@Controller
class LogContactController {

  /** A day: the contact log refuses longer. */
  private static final BigDecimal MAX_MINUTES = BigDecimal.valueOf(1440);

  private final ContactLog contacts;
  private final ResidentManagement residents;

  LogContactController(ContactLog contacts, ResidentManagement residents) {
    this.contacts = contacts;
    this.residents = residents;
  }

  @GetMapping({"/residents/{id}/contacts/new", "/contacts/new"})
  @PreAuthorize("hasAuthority('CONTACT_LOG')")
  String form(@PathVariable(required = false) UUID id, Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("channel", Channel.PHONE.name());
    form.add("direction", Direction.INBOUND.name());
    return page(id, form, Map.of(), model);
  }

  @PostMapping({"/residents/{id}/contacts/new", "/contacts/new"})
  @PreAuthorize("hasAuthority('CONTACT_LOG')")
  String log(
      @PathVariable(required = false) UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Errors errors = new Errors();
    Channel channel =
        parse(Channel.class, form.getFirst("channel"), "channel", "Choose the channel", errors);
    Direction direction =
        parse(
            Direction.class,
            form.getFirst("direction"),
            "direction",
            "Choose the direction",
            errors);
    ContactOutcome outcome =
        parse(
            ContactOutcome.class,
            form.getFirst("outcome"),
            "outcome",
            "Choose how the contact ended",
            errors);
    Integer seconds = null;
    String minutes = form.getFirst("durationMinutes");
    if (minutes != null && !minutes.isBlank()) {
      // A double took '1e10' and its seconds wrapped round an int into any value, even a valid one.
      Optional<BigDecimal> m = Inputs.decimal(minutes, 4, 2);
      if (m.isEmpty() || m.get().signum() < 0 || m.get().compareTo(MAX_MINUTES) > 0) {
        errors.reject(
            "durationMinutes", "Duration must be a number of minutes from 0 to 1440, like 4.5");
      } else {
        seconds =
            m.get()
                .multiply(BigDecimal.valueOf(60))
                .setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
      }
    }
    if (!errors.isEmpty()) {
      return page(id, form, errors.asMap(), model);
    }
    try {
      Contact contact =
          contacts.log(
              new NewContact(
                  id == null ? null : new ResidentId(id),
                  form.getFirst("caseReference"),
                  channel,
                  direction,
                  null,
                  seconds,
                  outcome,
                  form.getFirst("summary")));
      if (outcome == ContactOutcome.CASE_RAISED && contact.caseId() == null) {
        return "redirect:/cases/new?contact="
            + contact.id()
            + (id == null ? "" : "&resident=" + id)
            + "&channel="
            + channel.name();
      }
      redirect.addFlashAttribute("banner", "Contact logged");
      return id == null ? "redirect:/residents" : "redirect:/residents/" + id;
    } catch (InvalidInputException e) {
      // The service counts seconds; this form asks for minutes.
      Map<String, String> renamed = new LinkedHashMap<>();
      e.errors()
          .forEach((k, v) -> renamed.put("durationSeconds".equals(k) ? "durationMinutes" : k, v));
      return page(id, form, renamed, model);
    }
  }

  private String page(
      UUID id, MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    if (id != null) {
      model.addAttribute("residentName", residents.nameOf(new ResidentId(id)).orElse(null));
    }
    model.addAttribute("residentId", id);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    Map<String, String> channels = new LinkedHashMap<>();
    for (Channel c : Channel.values()) {
      channels.put(c.name(), c.label());
    }
    Map<String, String> directions = new LinkedHashMap<>();
    for (Direction d : Direction.values()) {
      directions.put(d.name(), d.label());
    }
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (ContactOutcome o : ContactOutcome.values()) {
      outcomes.put(o.name(), o.label());
    }
    model.addAttribute("channels", channels);
    model.addAttribute("directions", directions);
    model.addAttribute("outcomes", outcomes);
    return "contacts/log-contact";
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, String message, Errors errors) {
    if (value == null || value.isBlank()) {
      errors.reject(field, message);
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.reject(field, message);
      return null;
    }
  }
}
