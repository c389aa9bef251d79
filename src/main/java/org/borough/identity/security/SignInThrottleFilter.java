// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a sign-in attempt back to the form, unchecked, while its account or its client address must
 * still wait after failures ({@link SignInThrottle}). Unchecked means the password is not tried, so
 * an attempt in the wait tells nothing and counts as nothing.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

  private static final RequestMatcher SIGN_IN =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/sign-in");

  private final SignInThrottle throttle;

  SignInThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !SIGN_IN.matches(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Duration wait = throttle.waitFor(request.getParameter("username"), request.getRemoteAddr());
    if (!wait.isZero() && !wait.isNegative()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      response.sendRedirect(request.getContextPath() + "/sign-in?wait=" + seconds);
      return;
    }
    chain.doFilter(request, response);
  }
}
