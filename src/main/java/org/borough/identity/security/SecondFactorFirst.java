// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a password session that still owes its second factor ({@link SecondFactors#owed}) to the
 * code page, or to setting up an app when the user has none yet (enrolment is forced at the first
 * sign-in). The page first asked for is remembered and opened after the code. Runs before the
 * request is authorized, so nothing else is reachable, and the JSON API refuses such a session.
 */
class SecondFactorFirst extends OncePerRequestFilter {

  static final String SET_UP = "/account/authenticator";

  /** What such a user may still reach: the two pages, signing out, and what pages are made of. */
  private static final List<String> OPEN =
      List.of(
          SecondFactorSignIn.PAGE,
          SET_UP,
          // A passkey instead of the code: Spring Security's endpoints, its script, and the page
          // its script opens when the passkey is refused.
          "/webauthn/authenticate/options",
          "/login/webauthn",
          "/login/webauthn.js",
          "/login",
          "/sign-out",
          "/sign-in",
          "/error",
          "/favicon.ico");

  private final SecondFactors factors;
  private final RequestCache saved = new HttpSessionRequestCache();

  SecondFactorFirst(SecondFactors factors) {
    this.factors = factors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return PasswordChangeFirst.opens(request, OPEN);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || ApiTokenFilter.hasBearer(request)
        || !factors.owed(authentication)) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      Problems.write(
          response,
          403,
          "Forbidden",
          "Your role needs a second factor: enter a code at "
              + SecondFactorSignIn.PAGE
              + " first, or send a bearer token");
      return;
    }
    if ("GET".equals(request.getMethod())) {
      saved.saveRequest(request, response);
    }
    response.sendRedirect(
        request.getContextPath()
            + (factors.hasApp(authentication.getName())
                ? SecondFactorSignIn.PAGE
                : SET_UP + "?required"));
  }
}
