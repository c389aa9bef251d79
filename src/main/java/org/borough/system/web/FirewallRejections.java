// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.borough.system.RejectedPaths;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests Spring Security's HTTP firewall refused, answered 400 in their front door's format: a
 * problem on the JSON API (a bare 400 with no body told a client nothing), a module's own format
 * where it has one ({@link RejectedPaths}), and the error page elsewhere.
 */
@Component
class FirewallRejections implements RequestRejectedHandler {

  private final List<RejectedPaths> frontDoors;
  private final RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();

  FirewallRejections(List<RejectedPaths> frontDoors) {
    this.frontDoors = frontDoors;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException, ServletException {
    String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
    for (RejectedPaths door : frontDoors) {
      if (door.answersFor(uri)) {
        door.answer(response, uri);
        return;
      }
    }
    if (uri.startsWith("/api/")) {
      ApiProblems.write(
          response,
          400,
          "Invalid input",
          "The request path is not valid: an encoded slash or percent sign, or a character that"
              + " is not printable ASCII");
      return;
    }
    pages.handle(request, response, e);
  }
}
