// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.borough.system.ClientErrors;
import org.borough.system.MalformedRequestFilter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Malformed requests to pages, the API and callbacks: the error page (400) or a problem. Open311
 * answers in its own format (open311.Open311MalformedRequests).
 */
@Component
@Order(ClientErrors.FILTER_ORDER)
class MalformedRequests extends MalformedRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/open311/");
  }

  @Override
  protected void answer(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    if (!ApiProblems.answersInProblems(request.getRequestURI())) {
      response.sendError(status);
      return;
    }
    ApiProblems.write(
        response,
        status,
        "Invalid input",
        "The request could not be read: check its encoding, parameters and body");
  }
}
