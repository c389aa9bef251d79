// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.borough.system.DatabaseUnavailable;
import org.borough.system.SystemProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * A page or JSON API request that failed because the database could not be reached (it is down or
 * restarting, or every connection stayed busy for the pool's timeout): the "service unavailable"
 * page or a problem, 503 with {@code Retry-After}, and one line in the log instead of a stack trace
 * per request for as long as the outage lasts.
 *
 * <p>Outermost of all filters, outside Spring Session's: a page that made a session (a form's CSRF
 * token) fails a second time when the session is saved after the request, and the servlet
 * container's error page, which saves it again, cannot be used either. So the page is rendered
 * here, from the same template, with no session. Open311 answers its own outages in its format
 * (open311.Open311MalformedRequests): its clients have no session.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutages extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutages.class);

  private final ITemplateEngine templates;
  private final SystemProperties properties;

  DatabaseOutages(ITemplateEngine templates, SystemProperties properties) {
    this.templates = templates;
    this.properties = properties;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/open311/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      DatabaseUnavailable.refuse(log, request, response, e);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      if (request.getRequestURI().startsWith("/api/")) {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response
            .getWriter()
            .write(
                "{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,"
                    + "\"detail\":\"The database could not be reached: try again in a few seconds"
                    + " (with the same Idempotency-Key, a retry never makes a second record)\"}");
      } else {
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        templates.process("error/503", page(request, response), response.getWriter());
      }
    }
  }

  /** What the layout needs, as for a signed-out visitor: the session could not be read. */
  private WebContext page(HttpServletRequest request, HttpServletResponse response) {
    Map<String, Object> model = new HashMap<>();
    model.put("councilName", properties.councilName());
    model.put("can", Set.of());
    return new WebContext(
        JakartaServletWebApplication.buildApplication(request.getServletContext())
            .buildExchange(request, response),
        request.getLocale(),
        model);
  }
}
