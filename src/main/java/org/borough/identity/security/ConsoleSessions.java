// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The console sessions signed in now, so that an admin's change to a user (deactivated, new roles)
 * takes effect at once rather than when their session times out: their next request signs them out.
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
    for (Object principal : registry.getAllPrincipals()) {
      String name = principal instanceof UserDetails u ? u.getUsername() : principal.toString();
      if (name.equals(username)) {
        for (SessionInformation session : registry.getAllSessions(principal, false)) {
          session.expireNow();
          ended++;
        }
      }
    }
    return ended;
  }
}
