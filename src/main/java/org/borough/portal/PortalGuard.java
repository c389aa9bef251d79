// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Abuse protection for the portal's forms, in front of everything else (CSRF included, so a flood
 * of forged posts is limited too): a post larger than a form or a photo needs gets 413; more posts
 * from one address than the rate limit allows get 429 with Retry-After; a post whose honeypot field
 * is filled (people never see it) is dropped and sent back to the start page, as if it had worked.
 *
 * <p>The address is the request's remote address. Behind a reverse proxy set {@code
 * SERVER_FORWARD_HEADERS_STRATEGY=NATIVE} (or {@code FRAMEWORK}) so that it is the resident's.
 */
class PortalGuard extends OncePerRequestFilter {

  static final String HONEYPOT = "hp_note";
  private static final Logger log = LoggerFactory.getLogger(PortalGuard.class);

  private final PortalProperties properties;
  private final RateLimits limits;

  PortalGuard(PortalProperties properties, RateLimitBuckets buckets) {
    this.properties = properties;
    this.limits =
        buckets.limit("portal-post", properties.rateLimitRequests(), properties.rateLimitPeriod());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equalsIgnoreCase(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = properties.maxFormSize().toBytes();
    String type = request.getContentType();
    if (type != null && type.toLowerCase().startsWith("multipart/")) {
      limit += properties.photoMaxSize().toBytes();
    }
    if (request.getContentLengthLong() > limit) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    OptionalLong wait = limits.take(request.getRemoteAddr());
    if (wait.isPresent()) {
      tooMany(response, wait.getAsLong());
      return;
    }
    String honeypot = request.getParameter(HONEYPOT);
    if (honeypot != null && !honeypot.isEmpty()) {
      log.info("A portal form came with its honeypot filled in; dropped");
      response.sendRedirect(request.getContextPath() + "/portal");
      return;
    }
    chain.doFilter(request, response);
  }

  /** 429 with Retry-After, and the page that says to wait. */
  static void tooMany(HttpServletResponse response, long seconds) throws IOException {
    response.setHeader("Retry-After", Long.toString(seconds));
    response.sendError(429);
  }
}
