// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How a front door with its own error format (Open311) answers a request Spring Security's HTTP
 * firewall refused before any controller saw it: an encoded slash or percent sign, a character that
 * is not printable ASCII. The JSON API answers a problem and pages the error page without help.
 */
public interface RejectedPaths {

  /** Whether this front door answers for {@code uri}. */
  boolean answersFor(String uri);

  /** Writes the refusal, 400, in the front door's format. */
  void answer(HttpServletResponse response, String uri) throws IOException;
}
