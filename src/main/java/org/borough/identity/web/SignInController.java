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
      @RequestParam(required = false) String locked,
      @RequestParam(required = false) String signedOut,
      @RequestParam(required = false) String ended,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (error != null) {
      errors.put("username", "Enter a correct username and password");
    }
    if (locked != null) {
      errors.put(
          "username",
          "Your account is locked after too many failed attempts. Try again later or ask an"
              + " administrator");
    }
    model.addAttribute("errors", errors);
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute("ended", ended != null);
    return "identity/sign-in";
  }
}
