// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** When each of {@code username}'s console sessions was last used, by session id. */
  Map<String, Instant> of(String username) {
    Map<String, Instant> found = new LinkedHashMap<>();
    for (SessionInformation session : registry.getAllSessions(username, false)) {
      found.put(session.getSessionId(), session.getLastRequest().toInstant());
    }
    return found;
  }

  /**
   * Ends {@code username}'s console sessions but {@code keep} (none kept when null); returns how
   * many it ended. Sessions are indexed by the principal's name in the sessions table, so this
   * reaches every node.
   */
  int endOthers(String username, String keep) {
    int ended = 0;
    for (SessionInformation session : registry.getAllSessions(username, false)) {
      if (!session.getSessionId().equals(keep)) {
        session.expireNow();
        ended++;
      }
    }
    return ended;
  }

  /** Ends every console session of {@code username}; returns how many there were. */
  int end(String username) {
    return endOthers(username, null);
  }
}
