// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The console sessions signed in now, so that an admin's change to a user (deactivated, new roles)
 * takes effect at once rather than when their session times out: their next request signs them out,
 * on whichever node it lands (sessions are in the database, Spring Session JDBC).
 */
@Component
class ConsoleSessions {

  private final SessionRegistry registry;

  ConsoleSessions(SessionRegistry registry) {
    this.registry = registry;
  }

  /** Ends every console session of {@code username}; returns how many there were. */
  int end(String username) {
    int ended = 0;
    // Sessions are indexed by the principal's name in the sessions table, on every node.
    for (SessionInformation session : registry.getAllSessions(username, false)) {
      session.expireNow();
      ended++;
    }
    return ended;
  }
}
