// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a malformed request (a broken %-escape in the address or the form, a body that says it is
 * multipart and is not) that nothing else answered: a 4xx in the caller's format, and one line in
 * the log. The servlet container would answer 500 and log a stack trace of about 24 KB, for anyone,
 * as often as they liked. Register subclasses at {@link ClientErrors#FILTER_ORDER}.
 */
public abstract class MalformedRequestFilter extends OncePerRequestFilter {

  private final Logger log = LoggerFactory.getLogger(getClass());

  /** Writes the answer in the format of the requests this filter takes. */
  protected abstract void answer(
      HttpServletRequest request, HttpServletResponse response, int status) throws IOException;

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
          "{} {} refused: {}",
          request.getMethod(),
          request.getRequestURI(),
          ClientErrors.describe(e));
      response.resetBuffer();
      answer(request, response, status.get());
    }
  }
}
