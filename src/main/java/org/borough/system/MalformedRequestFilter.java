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
 * as often as they liked. A subclass may also answer requests that failed because the database
 * could not be reached ({@link DatabaseUnavailable}): 503 with {@code Retry-After}, in the same
 * format. Register subclasses at {@link ClientErrors#FILTER_ORDER}.
 */
public abstract class MalformedRequestFilter extends OncePerRequestFilter {

  private final Logger log = LoggerFactory.getLogger(getClass());

  /** Writes the answer (a 4xx, or 503) in the format of the requests this filter takes. */
  protected abstract void answer(
      HttpServletRequest request, HttpServletResponse response, int status) throws IOException;

  /**
   * Whether this filter answers a database outage itself (503), rather than letting it pass to an
   * outer handler; only where no session is saved after it (a session's save would fail too).
   */
  protected boolean answersOutages() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      Optional<Integer> status = ClientErrors.status(e);
      if (status.isEmpty()
          && answersOutages()
          && DatabaseUnavailable.causedBy(e)
          && !response.isCommitted()) {
        DatabaseUnavailable.refuse(log, request, response, e);
        answer(request, response, 503);
        return;
      }
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
