// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.util.EnumSet;
import org.borough.identity.IdentityProperties;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.system.RandomTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is an {@code admin} on first start: with {@code BOROUGH_ADMIN_PASSWORD}, or a
 * random password printed once to the console (it is never stored in clear or logged again).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

  static final String ADMIN = "admin";

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final StaffDirectory directory;
  private final StaffAdministration administration;
  private final IdentityProperties properties;

  private final PasswordPolicy policy;

  AdminBootstrap(
      StaffDirectory directory,
      StaffAdministration administration,
      IdentityProperties properties,
      PasswordPolicy policy) {
    this.directory = directory;
    this.administration = administration;
    this.properties = properties;
    this.policy = policy;
  }

  @Override
  public void run(ApplicationArguments args) {
    Staff admin =
        directory
            .findByUsername(ADMIN)
            .orElseGet(
                () -> {
                  String password = properties.adminPassword();
                  boolean generated = password == null || password.isBlank();
                  if (generated) {
                    password = RandomTokens.urlSafe(18);
                  } else {
                    // Not refused: it is how the council gets in on the first day. Said loudly.
                    policy
                        .problem(password, "BOROUGH_ADMIN_PASSWORD", ADMIN, "Administrator")
                        .ifPresent(
                            p -> log.warn("{} (sign in as admin and choose another at once)", p));
                  }
                  Staff created =
                      administration.createStaff(
                          ADMIN, "Administrator", password, EnumSet.of(Role.ADMIN));
                  if (generated) {
                    // Shown once, in a console log: whoever signs in with it first chooses another.
                    administration.requirePasswordChange(created.id());
                    // Printed to the console, not the log: it must not end up in log storage.
                    System.out.println(
                        "\n  Borough: created user 'admin' with password "
                            + password
                            + "\n  (shown once; set BOROUGH_ADMIN_PASSWORD to choose it)\n");
                  }
                  return created;
                });
    String token = properties.adminApiToken();
    if (token != null && !token.isBlank()) {
      administration.registerApiToken(admin.id(), "BOROUGH_ADMIN_API_TOKEN", token);
    }
  }
}
