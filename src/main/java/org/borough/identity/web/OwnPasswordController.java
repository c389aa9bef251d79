// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.borough.identity.StaffAdministration;
import org.borough.system.InvalidInputException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in user changes their own password. On success they are signed out everywhere and sign
 * in again with the new one.
 */
@Controller
class OwnPasswordController {

  private final StaffAdministration administration;

  OwnPasswordController(StaffAdministration administration) {
    this.administration = administration;
  }

  @GetMapping("/account/password")
  String form(@RequestParam(required = false) String required, Model model) {
    model.addAttribute("required", required != null);
    return page(model, new LinkedMultiValueMap<>(), Map.of());
  }

  @PostMapping("/account/password")
  String change(
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String next = form.getFirst("newPassword");
    if (next != null && !next.isEmpty() && !next.equals(form.getFirst("confirmPassword"))) {
      return page(model, form, Map.of("confirmPassword", "The two new passwords do not match"));
    }
    try {
      administration.changeOwnPassword(form.getFirst("currentPassword"), next);
    } catch (InvalidInputException e) {
      return page(model, form, e.errors());
    }
    new SecurityContextLogoutHandler()
        .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
    return "redirect:/sign-in?changed";
  }

  private static String page(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    // Passwords are never sent back into the form.
    model.addAttribute("form", new LinkedMultiValueMap<String, String>());
    model.addAttribute("errors", errors);
    return "identity/own-password";
  }
}
