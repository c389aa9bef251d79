// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import org.borough.identity.security.SecondFactors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member of staff's passkeys: the list, and the page Spring Security's passkey script adds them
 * from ({@code POST /webauthn/register} and its options are Spring Security's own). Removing one
 * works without the script too.
 */
@Controller
class PasskeyController {

  private final SecondFactors factors;

  PasskeyController(SecondFactors factors) {
    this.factors = factors;
  }

  /** The address Spring Security's script opens after adding or removing a passkey. */
  @GetMapping("/webauthn/register")
  String passkeys(
      @RequestParam(required = false) String success, Authentication user, Model model) {
    if (!factors.asks(user)) {
      return "identity/authenticator-not-needed";
    }
    model.addAttribute("passkeys", factors.passkeys(user.getName()));
    model.addAttribute("success", success != null);
    return "identity/passkeys";
  }

  /** Without the script, the remove button posts here. */
  @PostMapping("/webauthn/register/{id}")
  String remove(@PathVariable String id, Authentication user, RedirectAttributes redirect) {
    if (factors.removePasskey(user.getName(), id)) {
      redirect.addFlashAttribute("banner", "Passkey removed");
    }
    return "redirect:/webauthn/register";
  }

  /** Where Spring Security's script goes when a passkey is refused: back to the code page. */
  @GetMapping("/login")
  String refused() {
    return "redirect:/sign-in/code?passkey";
  }
}
