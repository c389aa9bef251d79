// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.borough.system.ClientErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request under {@code /open311/} that fails before any controller is chosen because it is
 * malformed (a body that says it is multipart and is not): Open311's error format and one line in
 * the log, where the servlet container would answer a 500 and log 24 KB of stack trace, for anyone,
 * as often as they liked. Errors inside a controller are {@link Open311Controller}'s.
 */
@Component
class Open311MalformedRequests extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(Open311MalformedRequests.class);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/open311/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      Optional<Integer> status = ClientErrors.status(e);
      if (status.isEmpty() || response.isCommitted()) {
        throw e;
      }
      log.info(
          "Open311 {} {} refused: {}",
          request.getMethod(),
          request.getRequestURI(),
          ClientErrors.describe(e));
      response.resetBuffer();
      Open311RejectedPaths.write(
          response, request.getRequestURI(), Open311Exception.malformed(status.get()));
    }
  }
}
