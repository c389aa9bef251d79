// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.borough.identity.StaffAdministration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member of staff sees where they are signed in to the console (ASVS V7.5.2) and signs out of
 * every session but this one: a shared computer left signed in, a lost laptop.
 */
@Controller
class OwnSessionsController {

  private final StaffAdministration administration;

  OwnSessionsController(StaffAdministration administration) {
    this.administration = administration;
  }

  @GetMapping("/account/sessions")
  String list(HttpServletRequest request, Model model) {
    model.addAttribute("sessions", administration.ownSessions(sessionId(request)));
    return "identity/own-sessions";
  }

  @PostMapping("/account/sessions/end-others")
  String endOthers(HttpServletRequest request, RedirectAttributes redirect) {
    int ended = administration.endOwnOtherSessions(sessionId(request));
    redirect.addFlashAttribute(
        "banner",
        ended == 0
            ? "You were signed in nowhere else"
            : "Signed out of " + ended + (ended == 1 ? " other session" : " other sessions"));
    return "redirect:/account/sessions";
  }

  /** This request's session; an API token's request has none, and so no session is "this one". */
  private static String sessionId(HttpServletRequest request) {
    var session = request.getSession(false);
    return session == null ? "" : session.getId();
  }
}
