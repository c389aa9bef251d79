// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.borough.system.ClientErrors;
import org.borough.system.MalformedRequestFilter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A malformed request under {@code /open311/} that fails outside a controller (a body that says it
 * is multipart and is not): Open311's error format. Errors inside a controller are {@link
 * Open311Controller}'s.
 */
@Component
@Order(ClientErrors.FILTER_ORDER)
class Open311MalformedRequests extends MalformedRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/open311/");
  }

  /** Open311 clients sign each request with a key: there is no session to save after the answer. */
  @Override
  protected boolean answersOutages() {
    return true;
  }

  @Override
  protected void answer(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    Open311RejectedPaths.write(
        response,
        request.getRequestURI(),
        status == 503 ? Open311Exception.unavailable() : Open311Exception.malformed(status));
  }
}
