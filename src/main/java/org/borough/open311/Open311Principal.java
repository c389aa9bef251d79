// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;
import org.borough.system.Actors;

/**
 * The permissions each kind of Open311 call holds, and no more. Reads are public, so they run as
 * {@code open311:public}; writes run as the client application that sent the api_key.
 */
final class Open311Principal {

  static final String PUBLIC = "open311:public";

  /** Reading cases and updates: public facts only (see CaseFeed). */
  static final Set<Permission> READ = EnumSet.of(Permission.CASE_READ);

  /** Reporting a problem: find or register the reporter, raise the case, log the contact. */
  static final Set<Permission> REPORT =
      EnumSet.of(
          Permission.RESIDENT_READ,
          Permission.RESIDENT_WRITE,
          Permission.CASE_READ,
          Permission.CASE_RAISE,
          Permission.CONTACT_LOG);

  /** Posting an update: a public note, and the status moves the status table allows. */
  static final Set<Permission> UPDATE =
      EnumSet.of(
          Permission.CASE_READ, Permission.CASE_NOTE, Permission.CASE_WORK, Permission.CONTACT_LOG);

  private Open311Principal() {}

  static <T> T call(String name, Set<Permission> permissions, Supplier<T> work) {
    return ServicePrincipal.call(name, permissions, work);
  }

  static String currentName() {
    return Actors.current();
  }
}
