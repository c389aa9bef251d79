// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.borough.system.RejectedPaths;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Spring Security's HTTP firewall refuses some paths (an encoded slash or percent sign, characters
 * that are not printable ASCII) before any controller sees them. Under {@code /open311/} the app
 * that sent one still gets Open311's error format.
 */
@Component
class Open311RejectedPaths implements RejectedPaths {

  @Override
  public boolean answersFor(String uri) {
    return uri.startsWith("/open311/");
  }

  @Override
  public void answer(HttpServletResponse response, String uri) throws IOException {
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
