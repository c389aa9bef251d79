// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a member of staff who signed in with a password someone else chose on the page that changes
 * it: every other page sends them there, and the JSON API refuses their session. Changing it ends
 * the session (they sign in again with their own), so the mark lives in the session and costs no
 * query. Not a bean: Spring Security's chain runs it, after the request is authorized.
 */
class PasswordChangeFirst extends OncePerRequestFilter {

  static final String ATTRIBUTE = PasswordChangeFirst.class.getName();
  static final String PAGE = "/account/password";

  /** What such a user may still reach: the page itself, signing out, and what pages are made of. */
  private static final List<String> OPEN =
      List.of(PAGE, "/sign-out", "/sign-in", "/error", "/favicon.ico");

  private static final List<String> OPEN_UNDER = List.of("/assets/", "/css/", "/js/", "/webjars/");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return opens(request, OPEN);
  }

  /** True for the {@code pages} and for what every page is made of (styles, scripts, images). */
  static boolean opens(HttpServletRequest request, List<String> pages) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return pages.contains(path) || OPEN_UNDER.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session == null
        || session.getAttribute(ATTRIBUTE) == null
        || ApiTokenFilter.hasBearer(request)) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      Problems.write(
          response,
          403,
          "Forbidden",
          "Your password was set by an administrator: change it at " + PAGE + " first");
      return;
    }
    response.sendRedirect(request.getContextPath() + PAGE + "?required");
  }
}
