// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The POSTs of a module that authenticates its own callers (Open311's application keys), made safe
 * to retry by the system's idempotency filter: which requests they are, whose they are (an
 * idempotency key belongs to its caller) and how a refusal is written in the module's own format.
 * Such callers rarely send an {@code Idempotency-Key}, so an identical request from the same caller
 * within a short window counts as a retry too.
 */
public interface IdempotencyScopes {

  /** True for the POSTs of this module that are made idempotent. */
  boolean covers(HttpServletRequest request);

  /**
   * The caller's scope ("open311:&lt;client id&gt;"), or null when the caller is unknown or
   * revoked: then there is no replay of an earlier answer, and the request goes on to be refused in
   * the module's own words.
   */
  String scopeOf(HttpServletRequest request);

  /**
   * Whether an answer with this status means the request was done, and is kept to answer a retry: a
   * 2xx by default; a console form, which answers a redirect when it is done and re-shows itself
   * (200) when it is not, says 3xx.
   */
  default boolean done(int status) {
    return status / 100 == 2;
  }

  /** Writes a refusal of the request with {@code status} and {@code detail}, as the module does. */
  void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
      throws IOException;
}
