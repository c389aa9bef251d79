// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that began more than {@code BOROUGH_SESSION_ABSOLUTE_TIMEOUT} ago (12 hours),
 * however busy it has been: the idle timeout alone let a session kept in use live for ever, and
 * with it a stolen cookie. The user signs in again ({@code /sign-in?expired}); an API call made
 * with the session is answered 401; a resident goes back to the portal's start. Runs before Spring
 * Security reads the session, so an ended one is never used. Not a bean: the chain runs it.
 */
class SessionLifetime extends OncePerRequestFilter {

  private final Duration limit;
  private final Clock clock;

  SessionLifetime(Duration limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session == null
        || !Instant.ofEpochMilli(session.getCreationTime()).plus(limit).isBefore(clock.instant())) {
      chain.doFilter(request, response);
      return;
    }
    session.invalidate();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      Problems.write(
          response,
          401,
          "Unauthorized",
          "Your session has ended: sessions last at most "
              + limit.toHours()
              + " hours. Sign in again or send a bearer token");
    } else if (path.startsWith("/portal")) {
      response.sendRedirect(request.getContextPath() + "/portal");
    } else {
      response.sendRedirect(request.getContextPath() + "/sign-in?expired");
    }
  }
}
