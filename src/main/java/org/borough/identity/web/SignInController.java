// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class SignInController {

  @GetMapping("/sign-in")
  String signIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String wait,
      @RequestParam(required = false) String signedOut,
      @RequestParam(required = false) String ended,
      @RequestParam(required = false) String again,
      @RequestParam(required = false) String changed,
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
    model.addAttribute("errors", errors);
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute("ended", ended != null);
    model.addAttribute("again", again != null);
    model.addAttribute("changed", changed != null);
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
