// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Says who is posting a request that authenticates its own callers (Open311's application keys), so
 * that an idempotency key belongs to that caller. Implemented by the module that knows the callers;
 * a caller whose key is unknown or revoked gets no scope, and so no replay of an earlier answer:
 * its request goes on to be refused in the module's own words.
 */
public interface IdempotencyScopes {

  /**
   * The caller's scope ("open311:&lt;client id&gt;"), or null: not this module's, or not allowed.
   */
  String scopeOf(HttpServletRequest request);
}
