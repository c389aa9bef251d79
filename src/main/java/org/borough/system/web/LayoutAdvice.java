// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.borough.system.SystemProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the council's name and what the signed-in user can do. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

  private final SystemProperties properties;

  LayoutAdvice(SystemProperties properties) {
    this.properties = properties;
  }

  @ModelAttribute("councilName")
  String councilName() {
    return properties.councilName();
  }

  @ModelAttribute("signedInAs")
  String signedInAs() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return auth.getName();
  }

  /** Permission names, so templates show only the links a user may follow. */
  @ModelAttribute("can")
  Set<String> can() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken) {
      return Set.of();
    }
    return auth.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .collect(Collectors.toUnmodifiableSet());
  }
}
