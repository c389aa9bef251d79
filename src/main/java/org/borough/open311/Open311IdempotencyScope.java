// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.borough.system.IdempotencyScopes;
import org.springframework.stereotype.Component;

/**
 * Open311 reports ({@code POST requests.json|xml}) are safe to retry. A report's idempotency scope
 * is the client application whose key posted it, looked up as the controller looks it up (header
 * first, then the form body), so a revoked key is never answered from an earlier report; refusals
 * are Open311 errors in the format the path asks for.
 */
@Component
class Open311IdempotencyScope implements IdempotencyScopes {

  private static final Pattern REPORTS = Pattern.compile("/open311/v2/requests\\.(json|xml)");

  private final Open311Clients clients;

  Open311IdempotencyScope(Open311Clients clients) {
    this.clients = clients;
  }

  @Override
  public boolean covers(HttpServletRequest request) {
    return REPORTS
        .matcher(request.getRequestURI().substring(request.getContextPath().length()))
        .matches();
  }

  @Override
  public String scopeOf(HttpServletRequest request) {
    if (!covers(request)) {
      return null;
    }
    String key = Open311Controller.apiKey(request, request.getParameter("api_key"));
    if (key == null || key.isBlank()) {
      return null;
    }
    return clients.authenticate(key).map(c -> "open311:" + c.id()).orElse(null);
  }

  @Override
  public void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String detail)
      throws IOException {
    Open311RejectedPaths.write(
        response, request.getRequestURI(), new Open311Exception(status, List.of(detail)));
  }
}
