// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borough.identity.Permission;
import org.borough.identity.StaffAdministration.TokenRequest;
import org.borough.system.InvalidInputException;
import org.springframework.util.MultiValueMap;

/** The token forms' fields (name, lifetimeDays, scopes, reason) as a token request. */
final class TokenForms {

  private TokenForms() {}

  static TokenRequest request(MultiValueMap<String, String> form) {
    Set<Permission> scopes = EnumSet.noneOf(Permission.class);
    for (String p : form.getOrDefault("scopes", List.of())) {
      try {
        scopes.add(Permission.valueOf(p));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("scopes", "Choose what the token may do from the list");
      }
    }
    String days = form.getFirst("lifetimeDays");
    int lifetime;
    try {
      // Longer than 3 digits is never a valid lifetime: refused before parsing.
      lifetime =
          days == null || days.isBlank() || days.trim().length() > 3
              ? 0
              : Integer.parseInt(days.trim());
    } catch (NumberFormatException e) {
      lifetime = 0;
    }
    return new TokenRequest(form.getFirst("name"), lifetime, scopes, form.getFirst("reason"));
  }

  /** Every permission, by name, with what it allows. */
  static Map<String, String> scopeOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    for (Permission p : Permission.values()) {
      options.put(p.name(), p.name() + ": " + p.description());
    }
    return options;
  }
}
