// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

/** Email addresses as logs may show them: enough to tell two apart, no more. */
final class Masks {

  private Masks() {}

  /** {@code jo.bloggs@example.org} as {@code j***@example.org}. */
  static String email(String email) {
    if (email == null) {
      return "***";
    }
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }
}
