// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.borough.system.IdempotencyScopes;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The DPO's forms that record something with a statutory clock — a subject access request, a
 * personal data breach — made safe to send twice: the same form sent again by the same member of
 * staff within ten minutes (a double click, a slow page sent again, the back button) is answered as
 * the first was, a redirect to the record it made, instead of making a second record with a second
 * deadline. A form shown again with errors is not kept.
 */
@Component
class ConsoleFormRetries implements IdempotencyScopes {

  private static final Pattern FORMS =
      Pattern.compile("/residents/[^/]+/subject-access|/privacy/breaches");

  @Override
  public boolean covers(HttpServletRequest request) {
    return FORMS
        .matcher(request.getRequestURI().substring(request.getContextPath().length()))
        .matches();
  }

  @Override
  public String scopeOf(HttpServletRequest request) {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (!covers(request)
        || who == null
        || !who.isAuthenticated()
        || who instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return "console:" + who.getName();
  }

  @Override
  public boolean done(int status) {
    return status / 100 == 3;
  }

  @Override
  public void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.TEXT_PLAIN_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8);
    response.getWriter().write(detail);
  }
}
