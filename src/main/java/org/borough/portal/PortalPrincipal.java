// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;

/**
 * What the portal may do on a resident's behalf, step by step, as the principal {@code portal} (the
 * name the audit log and case timelines record).
 */
final class PortalPrincipal {

  static final String NAME = "portal";

  /** Open cases near a location: public columns only. */
  static final Set<Permission> LOOK = EnumSet.of(Permission.CASE_READ);

  /**
   * Sending a report or following a case: find or register the resident, raise the case, attach the
   * photos or add the follower, log the contact.
   */
  static final Set<Permission> REPORT =
      EnumSet.of(
          Permission.RESIDENT_READ,
          Permission.RESIDENT_WRITE,
          Permission.CASE_READ,
          Permission.CASE_RAISE,
          Permission.CASE_NOTE,
          Permission.CONTACT_LOG);

  /** Tracking: read the case, and find the residents with the email given, to see who asks. */
  static final Set<Permission> TRACK = EnumSet.of(Permission.CASE_READ, Permission.RESIDENT_READ);

  /**
   * A signed-in resident's account: find their records by their verified email, list their cases,
   * read and change their contact preferences.
   */
  static final Set<Permission> ACCOUNT =
      EnumSet.of(Permission.RESIDENT_READ, Permission.RESIDENT_WRITE, Permission.CASE_READ);

  /**
   * Following the link that proves a report is the addressee's: find the residents with the
   * address, and mark their link to the case proven.
   */
  static final Set<Permission> CLAIM =
      EnumSet.of(Permission.RESIDENT_READ, Permission.CASE_READ, Permission.CASE_NOTE);

  /** Asking for a sign-in link: whether the email address belongs to a resident. */
  static final Set<Permission> SIGN_IN = EnumSet.of(Permission.RESIDENT_READ);

  private PortalPrincipal() {}

  static <T> T call(Set<Permission> permissions, Supplier<T> work) {
    return ServicePrincipal.call(NAME, permissions, work);
  }
}
