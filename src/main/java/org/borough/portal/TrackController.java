// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.borough.cases.CaseManagement;
import org.borough.cases.TrackedCase;
import org.borough.system.UkFormats;
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
 * Track a report by its reference and the email address of its reporter (or of a resident who
 * follows it, who sees only its public status). References are sequential, so the email is what
 * proves the right to see a case: a postcode is not asked, as anyone can learn a neighbour's. A
 * reference that does not exist and an email that does not match get the same page, and each
 * address may try only {@code BOROUGH_PORTAL_TRACK_REQUESTS} times per period. A match is
 * remembered in the session with its email, so the resident can come back to the case. A signed-in
 * resident (whose sign-in link went to their email) opens their own reports, and those they follow,
 * without giving the details, when the report is theirs by a proven link ({@link
 * org.borough.cases.ReporterProof}).
 */
@Controller
class TrackController {

  static final String TRACKED = "portal.tracked";

  private final PortalReports reports;
  private final PortalAccounts accounts;
  private final MessageSource messages;
  private final RateLimits perIp;

  TrackController(
      PortalReports reports,
      PortalAccounts accounts,
      MessageSource messages,
      PortalProperties properties,
      RateLimitBuckets buckets) {
    this.reports = reports;
    this.accounts = accounts;
    this.messages = messages;
    this.perIp = buckets.limit("track-ip", properties.trackRequests(), properties.trackPeriod());
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
  String track(
      @RequestParam MultiValueMap<String, String> form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    String reference = trim(form.getFirst("reference"));
    String detail = trim(form.getFirst("detail"));
    Map<String, String> errors = new LinkedHashMap<>();
    if (reference == null) {
      errors.put("reference", msg("portal.track.reference.error"));
    } else if (!CaseManagement.looksLikeReference(reference)) {
      errors.put("reference", msg("portal.track.reference.format"));
    }
    Optional<String> email =
        detail == null || detail.length() > 254 ? Optional.empty() : UkFormats.email(detail);
    if (detail == null) {
      errors.put("detail", msg("portal.track.detail.error"));
    } else if (email.isEmpty()) {
      errors.put("detail", msg("portal.track.detail.format"));
    }
    if (errors.isEmpty()) {
      // Only a real try counts: a form with mistakes tells nothing about any case.
      OptionalLong wait = perIp.take(request.getRemoteAddr());
      if (wait.isPresent()) {
        PortalGuard.tooMany(response, wait.getAsLong());
        return null;
      }
      Optional<TrackedCase> found =
          reports.view(reference).flatMap(t -> accounts.seenBy(email.get(), t));
      if (found.isPresent()) {
        String ref = found.get().details().reference();
        remember(request.getSession(), ref, email.get());
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
    String trackedAs = allowed(session).get(ref);
    Optional<ResidentSession> resident = ResidentSession.of(session);
    if (trackedAs == null && (resident.isEmpty() || !CaseManagement.looksLikeReference(ref))) {
      return "redirect:/portal/track?reference="
          + (CaseManagement.looksLikeReference(ref) ? ref : "");
    }
    // Who may see what is decided again on every view: a follower never sees the reporter's notes.
    // A signed-in resident sees their own reports, and the ones they follow, without proof.
    String email = trackedAs != null ? trackedAs : resident.get().email();
    Optional<TrackedCase> stored = reports.view(ref);
    if (stored.isEmpty()) {
      return "redirect:/portal/track";
    }
    Optional<TrackedCase> found =
        trackedAs != null
            ? accounts.seenBy(email, stored.get())
            : accounts.seenByAccount(email, stored.get());
    if (found.isEmpty()) {
      return "redirect:/portal/track?reference=" + ref;
    }
    model.addAttribute("tracked", found.get());
    return "portal/tracked";
  }

  /** Lets this session see the case as the person with the address may, without asking again. */
  static void remember(HttpSession session, String reference, String email) {
    Map<String, String> allowed = allowed(session);
    allowed.put(reference, email);
    // Set again, so that a session kept in the database saves the change.
    session.setAttribute(TRACKED, allowed);
  }

  /** References tracked in this session, each with the email address that proved it. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> allowed(HttpSession session) {
    Object map = session.getAttribute(TRACKED);
    if (map instanceof HashMap<?, ?> m) {
      return (Map<String, String>) m;
    }
    HashMap<String, String> fresh = new HashMap<>();
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
