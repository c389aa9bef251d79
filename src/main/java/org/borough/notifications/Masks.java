// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

/** Phone numbers and email addresses as logs may show them: enough to tell two apart, no more. */
final class Masks {

  private Masks() {}

  /** {@code +447700900123} as {@code +44*******123}. */
  static String phone(String phone) {
    if (phone == null || phone.length() < 6) {
      return "***";
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 6)
        + phone.substring(phone.length() - 3);
  }

  /** {@code jo.bloggs@example.org} as {@code j***@example.org}. */
  static String email(String email) {
    if (email == null) {
      return "***";
    }
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }
}
