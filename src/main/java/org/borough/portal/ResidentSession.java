// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * A resident signed in to the portal by a one-time link: the email address they proved is theirs.
 * It is an attribute of the HTTP session, never a Spring Security authentication, so it carries no
 * authority at all: staff pages see an anonymous visitor, and the portal acts for the resident only
 * through {@link PortalPrincipal}, for that email's own records.
 */
record ResidentSession(String email, Instant signedInAt) implements Serializable {

  static final String KEY = "portal.resident";

  /** Spring Security's CSRF token, when kept in the session (its default). */
  private static final String CSRF =
      HttpSessionCsrfTokenRepository.class.getName().concat(".CSRF_TOKEN");

  static Optional<ResidentSession> of(HttpSession session) {
    return session != null && session.getAttribute(KEY) instanceof ResidentSession r
        ? Optional.of(r)
        : Optional.empty();
  }

  static Optional<ResidentSession> of(HttpServletRequest request) {
    return of(request.getSession(false));
  }

  /**
   * Signs the resident in. The session gets a new id (a session id planted before sign-in is
   * worthless after it) and a new CSRF token (one known before sign-in is not trusted after it).
   */
  static void signIn(HttpServletRequest request, String email, Instant at) {
    HttpSession session = request.getSession();
    request.changeSessionId();
    session.removeAttribute(CSRF);
    session.setAttribute(KEY, new ResidentSession(email, at));
  }

  /**
   * Signs out by ending the whole session: on a shared computer nothing of the resident's — reports
   * tracked, a report half written — stays behind.
   */
  static void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
