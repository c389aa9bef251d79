// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.borough.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with the council's identity provider ({@code BOROUGH_OIDC_*}); off unless an
 * issuer is given.
 *
 * @param issuerUri the provider's issuer, whose {@code .well-known/openid-configuration} says the
 *     rest (Entra ID: {@code https://login.microsoftonline.com/<tenant>/v2.0})
 * @param name the provider as staff know it, on the button: "Sign in with {name}"
 * @param usernameClaim the ID token's claim that holds the Borough username it must match
 * @param emailDomain when set, a username claim of {@code name@<this domain>} matches the Borough
 *     username {@code name}, and one at any other domain matches nobody (a provider shared by many
 *     organisations, such as Google's, signs in people from everywhere)
 * @param roleClaim the claim that lists the user's groups (or roles)
 * @param roles which groups give which Borough roles: {@code group=ROLE,ROLE;group=ROLE}. Given,
 *     the roles are set from the groups at every sign-in (a user out of every group is refused);
 *     empty, Borough keeps the roles its administrators set
 * @param teams which groups put staff in which Borough teams (by team code), the same way
 */
@ConfigurationProperties("borough.oidc")
record OidcProperties(
    String issuerUri,
    String clientId,
    String clientSecret,
    @DefaultValue("your council account") String name,
    @DefaultValue("preferred_username") String usernameClaim,
    String emailDomain,
    @DefaultValue("groups") String roleClaim,
    @DefaultValue("") String roles,
    @DefaultValue("") String teams) {

  OidcProperties {
    // Read now, so that a mistyped role stops Borough starting rather than a sign-in later.
    rolesByGroup(roles);
  }

  /**
   * The Borough username a username claim stands for, or empty when it stands for nobody: lower
   * case, and with {@link #emailDomain} set, the part before the {@code @} of an address there.
   */
  String username(String claim) {
    String name = claim == null ? "" : claim.trim().toLowerCase(java.util.Locale.ROOT);
    if (emailDomain == null || emailDomain.isBlank()) {
      return name;
    }
    String suffix = "@" + emailDomain.trim().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(suffix) && name.length() > suffix.length()
        ? name.substring(0, name.length() - suffix.length())
        : "";
  }

  boolean configured() {
    return issuerUri != null && !issuerUri.isBlank();
  }

  Map<String, Set<Role>> rolesByGroup() {
    return rolesByGroup(roles);
  }

  Map<String, Set<String>> teamsByGroup() {
    return mapping(teams, "BOROUGH_OIDC_TEAMS");
  }

  private static Map<String, Set<Role>> rolesByGroup(String text) {
    Map<String, Set<Role>> out = new LinkedHashMap<>();
    mapping(text, "BOROUGH_OIDC_ROLES")
        .forEach(
            (group, names) -> {
              Set<Role> roles = new TreeSet<>();
              for (String n : names) {
                try {
                  roles.add(Role.valueOf(n));
                } catch (IllegalArgumentException e) {
                  throw new IllegalArgumentException(
                      "BOROUGH_OIDC_ROLES: "
                          + n
                          + " is not a Borough role (one of "
                          + Set.of(Role.values())
                          + ")");
                }
              }
              out.put(group, roles);
            });
    return out;
  }

  /** {@code key=a,b;key=c} as a map; blank entries are passed over. */
  private static Map<String, Set<String>> mapping(String text, String variable) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.lastIndexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException(
            variable + ": '" + entry.trim() + "' is not group=VALUE (entries are separated by ;)");
      }
      Set<String> values = new TreeSet<>();
      for (String v : entry.substring(eq + 1).split(",")) {
        if (!v.isBlank()) {
          values.add(v.trim());
        }
      }
      out.computeIfAbsent(entry.substring(0, eq).trim(), g -> new TreeSet<>()).addAll(values);
    }
    return out;
  }
}
