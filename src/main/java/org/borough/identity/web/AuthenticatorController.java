// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.borough.identity.security.FactorGrant;
import org.borough.identity.security.SecondFactors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member of staff's second factor: the code page after their password ({@code POST} is Spring
 * Security's, in {@code SecondFactorSignIn}), setting up an authenticator app (forced at the first
 * sign-in for roles that need one), and their recovery codes.
 */
@Controller
class AuthenticatorController {

  /** The secret being set up lives in the session until its first code proves it. */
  private static final String NEW_SECRET = AuthenticatorController.class.getName() + ".secret";

  private final SecondFactors factors;
  private final FactorGrant grant;

  AuthenticatorController(SecondFactors factors, FactorGrant grant) {
    this.factors = factors;
    this.grant = grant;
  }

  @GetMapping("/sign-in/code")
  String code(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String wait,
      @RequestParam(required = false) String passkey,
      Authentication user,
      Model model) {
    if (!factors.owed(user)) {
      return "redirect:/";
    }
    if (!factors.hasApp(user.getName())) {
      return "redirect:/account/authenticator?required";
    }
    Map<String, String> errors =
        wait != null
            ? Map.of(
                "code",
                "There have been too many wrong codes. Wait "
                    + SignInController.waitText(wait)
                    + " and try again")
            : error != null
                ? Map.of("code", "Enter the 6-digit code from your app, or a recovery code")
                : passkey != null
                    ? Map.of(
                        "code",
                        "Your passkey was not accepted. Try it again, or enter the code from your"
                            + " app")
                    : Map.of();
    model.addAttribute("errors", errors);
    model.addAttribute("passkeys", !factors.passkeys(user.getName()).isEmpty());
    return "identity/sign-in-code";
  }

  @GetMapping("/account/authenticator")
  String authenticator(
      @RequestParam(required = false) String required,
      Authentication user,
      HttpSession session,
      Model model) {
    if (!factors.asks(user)) {
      // Only roles that need one are asked for its codes, so an app set up here would not be used.
      return "identity/authenticator-not-needed";
    }
    if (!factors.hasApp(user.getName())) {
      return setUp(required != null, session, user, model, Map.of());
    }
    if (factors.owed(user)) {
      // An app is set up and this session has not given its code: replacing the app here would
      // skip the second factor.
      return "redirect:/sign-in/code";
    }
    model.addAttribute("left", factors.recoveryCodesLeft(user.getName()));
    return "identity/authenticator";
  }

  /** A new app in place of the one set up (a new phone); the session has given its code. */
  @GetMapping("/account/authenticator/new")
  String replace(Authentication user, HttpSession session, Model model) {
    if (!factors.asks(user) || factors.owed(user)) {
      return "redirect:/sign-in/code";
    }
    return setUp(false, session, user, model, Map.of());
  }

  @PostMapping("/account/authenticator")
  String enrol(
      @RequestParam(required = false) String code,
      Authentication user,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    HttpSession session = request.getSession();
    if (!factors.asks(user) || factors.hasApp(user.getName()) && factors.owed(user)) {
      return "redirect:/sign-in/code";
    }
    String secret = (String) session.getAttribute(NEW_SECRET);
    if (secret == null) {
      return "redirect:/account/authenticator";
    }
    Optional<List<String>> codes = factors.enrol(user.getName(), secret, code);
    if (codes.isEmpty()) {
      return setUp(
          factors.owed(user),
          session,
          user,
          model,
          Map.of(
              "code",
              code == null || code.isBlank()
                  ? "Enter the 6-digit code your app shows"
                  : "Enter the code your app shows now: it changes every 30 seconds"));
    }
    session.removeAttribute(NEW_SECRET);
    grant.appProved(request, response);
    redirect.addFlashAttribute("codes", codes.get());
    redirect.addFlashAttribute("enrolled", true);
    return "redirect:/account/authenticator/recovery-codes";
  }

  @GetMapping("/account/authenticator/recovery-codes")
  String recoveryCodes(Model model) {
    if (!model.containsAttribute("codes")) {
      return "redirect:/account/authenticator";
    }
    return "identity/recovery-codes";
  }

  @PostMapping("/account/authenticator/recovery-codes")
  String newRecoveryCodes(Authentication user, RedirectAttributes redirect) {
    if (!factors.hasApp(user.getName())) {
      return "redirect:/account/authenticator";
    }
    redirect.addFlashAttribute("codes", factors.newRecoveryCodes(user.getName()));
    return "redirect:/account/authenticator/recovery-codes";
  }

  private String setUp(
      boolean required,
      HttpSession session,
      Authentication user,
      Model model,
      Map<String, String> errors) {
    String secret = (String) session.getAttribute(NEW_SECRET);
    SecondFactors.NewApp app =
        secret == null ? factors.newApp(user.getName()) : factors.appFor(user.getName(), secret);
    session.setAttribute(NEW_SECRET, app.secret());
    model.addAttribute("required", required);
    model.addAttribute("secret", spaced(app.secret()));
    model.addAttribute("qr", QrCode.of(app.address()));
    model.addAttribute("errors", errors);
    return "identity/authenticator-set-up";
  }

  /** The secret in groups of four, as apps show and people type it. */
  private static String spaced(String secret) {
    return secret.replaceAll("(.{4})(?!$)", "$1 ");
  }
}
