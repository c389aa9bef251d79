// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.borough.identity.security.SignInOptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST and the single sign-on. */
@Controller
class SignInController {

  private final SignInOptions options;

  SignInController(SignInOptions options) {
    this.options = options;
  }

  @GetMapping("/sign-in")
  String signIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String wait,
      @RequestParam(required = false) String signedOut,
      @RequestParam(required = false) String ended,
      @RequestParam(required = false) String again,
      @RequestParam(required = false) String changed,
      @RequestParam(required = false) String sso,
      @RequestParam(required = false) String expired,
      @RequestParam(required = false) String codes,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (error != null) {
      errors.put("username", "Enter a correct username and password");
    }
    if (wait != null) {
      // The same words for every account, known or not: the wait says nothing about which exist.
      errors.put(
          "username",
          "There have been too many failed sign-ins. Wait "
              + waitText(wait)
              + " and try again, or ask an administrator to set a new password");
    }
    if (sso != null) {
      errors.put(
          options.singleSignOnAvailable() ? "sso" : "username",
          switch (sso) {
            case "unknown" ->
                "Your "
                    + options.providerName()
                    + " sign-in worked, but you do not have a Borough account. Ask a Borough"
                    + " administrator to add you";
            case "norole" ->
                "Your "
                    + options.providerName()
                    + " account is not in a group that gives access to Borough. Ask your IT"
                    + " service desk to add you to the right group";
            default ->
                "Signing in with "
                    + options.providerName()
                    + " did not work. Try again, and if it still does not work, contact your IT"
                    + " service desk";
          });
    }
    model.addAttribute("errors", errors);
    model.addAttribute("sso", options.singleSignOn());
    model.addAttribute("ssoAvailable", options.singleSignOnAvailable());
    model.addAttribute("provider", options.providerName());
    model.addAttribute("passwords", options.passwords());
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute("ended", ended != null);
    model.addAttribute("again", again != null);
    model.addAttribute("expired", expired != null);
    model.addAttribute("changed", changed != null);
    model.addAttribute("codes", codes != null);
    return "identity/sign-in";
  }

  /** The wait as the throttle gave it, in words; a hand-edited value gets a vague answer. */
  static String waitText(String seconds) {
    try {
      long s = Long.parseLong(seconds);
      if (s >= 1 && s < 120) {
        return s == 1 ? "1 second" : s + " seconds";
      }
      if (s >= 120 && s <= 86_400) {
        return ((s + 59) / 60) + " minutes";
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    return "a few minutes";
  }
}
