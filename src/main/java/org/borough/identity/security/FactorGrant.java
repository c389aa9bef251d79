// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Adds the app's factor to the session of a user who has just proved it by setting the app up (its
 * first code), as a sign-in with the code would: the session id changes and the session is kept.
 */
@Component
public class FactorGrant {

  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
  private final Clock clock;

  FactorGrant(Clock clock) {
    this.clock = clock;
  }

  public void appProved(HttpServletRequest request, HttpServletResponse response) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    Authentication proved =
        current.toBuilder()
            .authorities(
                a ->
                    a.add(
                        FactorGrantedAuthority.withAuthority(SecondFactors.APP)
                            .issuedAt(clock.instant())
                            .build()))
            .build();
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(proved);
    SecurityContextHolder.setContext(context);
    sessions.saveContext(context, request, response);
  }
}
