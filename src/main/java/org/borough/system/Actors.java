// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for records that name it. */
public final class Actors {

  private Actors() {}

  /** The signed-in user's name, or {@code system} for scheduled work and anonymous callers. */
  public static String current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || auth instanceof AnonymousAuthenticationToken ? "system" : auth.getName();
  }
}
