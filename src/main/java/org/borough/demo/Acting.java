// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo seeder acting through the modules' own services, which check permissions themselves:
 * under its own name ("demo-data", as the audit log shows it) with only the permissions it needs.
 */
final class Acting {

  static final String NAME = "demo-data";

  private Acting() {}

  static <T> T as(Supplier<T> action, String... permissions) {
    var previous = SecurityContextHolder.getContext();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            NAME, null, AuthorityUtils.createAuthorityList(permissions)));
    SecurityContextHolder.setContext(context);
    try {
      return action.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
