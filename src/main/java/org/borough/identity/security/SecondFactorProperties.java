// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.borough.identity.Permission;
import org.borough.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which roles must prove a second factor after their password ({@code BOROUGH_MFA_ROLES}).
 *
 * @param roles {@code personal-data} (the default): {@code ADMIN} and every role whose permissions
 *     open residents' or cases' personal data; {@code all}; {@code none}; or role names separated
 *     by commas ({@code ADMIN,SUPERVISOR})
 * @param issuer the name an authenticator app shows next to the account ("Borough" unless set)
 */
@ConfigurationProperties("borough.mfa")
record SecondFactorProperties(
    @DefaultValue("personal-data") String roles, @DefaultValue("Borough") String issuer) {

  /**
   * The permissions that open personal data: whoever holds one sees residents or their cases (a
   * councillor, their enquiries about named residents).
   */
  private static final Set<Permission> PERSONAL_DATA =
      EnumSet.of(
          Permission.RESIDENT_READ,
          Permission.CASE_READ,
          Permission.AUDIT_READ,
          Permission.SUBJECT_ACCESS,
          Permission.ENQUIRY_RAISE);

  /** The roles that must use a second factor; an unknown role name stops Borough starting. */
  Set<Role> requiredRoles() {
    String value = roles.trim().toLowerCase(Locale.ROOT);
    switch (value) {
      case "personal-data":
        Set<Role> required = EnumSet.of(Role.ADMIN);
        PERSONAL_DATA.forEach(p -> required.addAll(p.roles()));
        return required;
      case "all":
        return EnumSet.allOf(Role.class);
      case "none", "":
        return EnumSet.noneOf(Role.class);
      default:
        Set<Role> named = EnumSet.noneOf(Role.class);
        for (String name : value.split(",")) {
          try {
            named.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                "BOROUGH_MFA_ROLES names an unknown role '"
                    + name.trim()
                    + "'; use personal-data, all, none or role names such as ADMIN,SUPERVISOR");
          }
        }
        return named;
    }
  }
}
