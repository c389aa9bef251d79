// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;

/**
 * The demo seeder acting through the modules' own services, which check permissions themselves:
 * under its own name ("demo-data", as the audit log shows it) with only the permissions it needs.
 */
final class Acting {

  static final String NAME = "demo-data";

  private Acting() {}

  static <T> T as(Supplier<T> action, String... permissions) {
    return ServicePrincipal.call(
        NAME,
        Arrays.stream(permissions).map(Permission::valueOf).collect(Collectors.toSet()),
        action);
  }
}
