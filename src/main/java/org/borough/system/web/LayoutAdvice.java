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
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: the council's name, who is signed in and the permissions
 * they hold (so templates show only the links a user may follow). Exception handlers get a fresh
 * model without these, so they call {@link #populate} themselves.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

  private final SystemProperties properties;

  LayoutAdvice(SystemProperties properties) {
    this.properties = properties;
  }

  @ModelAttribute
  void populate(Model model) {
    model.addAttribute("councilName", properties.councilName());
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn = auth != null && !(auth instanceof AnonymousAuthenticationToken);
    model.addAttribute("signedInAs", signedIn ? auth.getName() : null);
    Set<String> can =
        signedIn
            ? auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet())
            : Set.of();
    model.addAttribute("can", can);
  }
}
