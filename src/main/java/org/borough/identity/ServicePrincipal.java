// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as something that is not a member of staff — an Open311 client application, say —
 * holding exactly the permissions given. Its name is what the audit log and case timelines record,
 * so a name such as {@code open311:FixMyStreet} says which application did it.
 */
public final class ServicePrincipal {

  private ServicePrincipal() {}

  /** Calls {@code work} as {@code name}, then puts the caller's security context back. */
  public static <T> T call(String name, Set<Permission> permissions, Supplier<T> work) {
    if (name == null || name.isBlank() || name.length() > 60) {
      throw new IllegalArgumentException("A principal's name is 1 to 60 characters");
    }
    List<SimpleGrantedAuthority> authorities =
        permissions.stream().map(p -> new SimpleGrantedAuthority(p.name())).toList();
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
