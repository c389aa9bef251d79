// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.borough.cases.CaseManagement;
import org.borough.cases.TrackedCase;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Track a report by its reference and the email or postcode given with it. A reference that does
 * not exist and a detail that does not match get the same page, so references cannot be found by
 * trying them. A match is remembered in the session, so the resident can come back to the case. A
 * signed-in resident opens their own reports (and those they follow) without giving the details.
 */
@Controller
class TrackController {

  static final String TRACKED = "portal.tracked";

  private final PortalReports reports;
  private final PortalAccounts accounts;
  private final MessageSource messages;

  TrackController(PortalReports reports, PortalAccounts accounts, MessageSource messages) {
    this.reports = reports;
    this.accounts = accounts;
    this.messages = messages;
  }

  @GetMapping("/portal/track")
  String form(@RequestParam(required = false) String reference, Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    if (reference != null && reference.length() <= 30) {
      form.add("reference", reference.trim());
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", Map.of());
    return "portal/track";
  }

  @PostMapping("/portal/track")
  String track(@RequestParam MultiValueMap<String, String> form, HttpSession session, Model model) {
    String reference = trim(form.getFirst("reference"));
    String detail = trim(form.getFirst("detail"));
    Map<String, String> errors = new LinkedHashMap<>();
    if (reference == null) {
      errors.put("reference", msg("portal.track.reference.error"));
    } else if (!CaseManagement.looksLikeReference(reference)) {
      errors.put("reference", msg("portal.track.reference.format"));
    }
    if (detail == null) {
      errors.put("detail", msg("portal.track.detail.error"));
    } else if (detail.length() > 254) {
      errors.put("detail", msg("portal.track.detail.format"));
    }
    if (errors.isEmpty()) {
      Optional<TrackedCase> found = reports.track(reference, detail);
      if (found.isPresent()) {
        String ref = found.get().details().reference();
        Set<String> allowed = allowed(session);
        allowed.add(ref);
        session.setAttribute(TRACKED, allowed);
        return "redirect:/portal/track/" + ref;
      }
      // The same words whether the reference exists or not.
      errors.put("reference", msg("portal.track.no-match"));
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "portal/track";
  }

  @GetMapping("/portal/track/{reference}")
  String tracked(@PathVariable String reference, HttpSession session, Model model) {
    String ref = reference.trim().toUpperCase(Locale.ROOT);
    boolean tracked = allowed(session).contains(ref);
    Optional<ResidentSession> resident = ResidentSession.of(session);
    if (!tracked && (resident.isEmpty() || !CaseManagement.looksLikeReference(ref))) {
      return "redirect:/portal/track?reference="
          + (CaseManagement.looksLikeReference(ref) ? ref : "");
    }
    Optional<TrackedCase> found = reports.view(ref);
    if (!tracked) {
      // A signed-in resident sees their own reports, and the ones they follow, without proof.
      found = found.filter(t -> accounts.involved(resident.get().email(), t));
      if (found.isEmpty()) {
        return "redirect:/portal/track?reference=" + ref;
      }
    }
    if (found.isEmpty()) {
      return "redirect:/portal/track";
    }
    model.addAttribute("tracked", found.get());
    return "portal/tracked";
  }

  @SuppressWarnings("unchecked")
  private static Set<String> allowed(HttpSession session) {
    Object set = session.getAttribute(TRACKED);
    if (set instanceof Set<?> s) {
      return (Set<String>) s;
    }
    Set<String> fresh = new HashSet<>();
    session.setAttribute(TRACKED, fresh);
    return fresh;
  }

  private String msg(String key) {
    return messages.getMessage(key, null, Locale.UK);
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
