// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's HTTP firewall refuses some paths (an encoded slash or percent sign, characters
 * that are not printable ASCII) before any controller sees them. Under {@code /open311/} the app
 * that sent one still gets Open311's error format; elsewhere the plain 400 stands.
 */
@Component
class Open311RejectedPaths implements RequestRejectedHandler {

  private final RequestRejectedHandler elsewhere = new HttpStatusRequestRejectedHandler();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException, ServletException {
    String uri = request.getRequestURI();
    if (uri == null || !uri.startsWith("/open311/")) {
      elsewhere.handle(request, response, e);
      return;
    }
    write(response, uri, Open311Exception.badRequest("The request path is not valid"));
  }

  /** An Open311 error written straight to the response, for refusals before any controller. */
  static void write(HttpServletResponse response, String uri, Open311Exception e)
      throws IOException {
    ResponseEntity<String> error = Open311Controller.Format.fromPath(uri).error(e);
    response.setStatus(error.getStatusCode().value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(String.valueOf(error.getHeaders().getContentType()));
    response.getWriter().write(error.getBody());
  }
}
