// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import jakarta.servlet.http.HttpServletRequest;
import org.borough.system.IdempotencyScopes;
import org.springframework.stereotype.Component;

/**
 * An Open311 report's idempotency scope is the client application whose key posted it, looked up as
 * the controller looks it up (header first, then the form body), so a revoked key is never answered
 * from an earlier report.
 */
@Component
class Open311IdempotencyScope implements IdempotencyScopes {

  private final Open311Clients clients;

  Open311IdempotencyScope(Open311Clients clients) {
    this.clients = clients;
  }

  @Override
  public String scopeOf(HttpServletRequest request) {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/open311/")) {
      return null;
    }
    String header = request.getHeader(Open311Controller.API_KEY_HEADER);
    String key =
        header != null && !header.isBlank() ? header.trim() : request.getParameter("api_key");
    if (key == null || key.isBlank()) {
      return null;
    }
    return clients.authenticate(key).map(c -> "open311:" + c.id()).orElse(null);
  }
}
