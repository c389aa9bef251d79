// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import org.borough.system.Actors;
import org.borough.system.Errors;

/** Small helpers the governance services share for tidying and checking input. */
final class Checks {

  private Checks() {}

  /** Null for blank text, otherwise the text without surrounding spaces. */
  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Trims the ends of a multi-line text and its lines' trailing spaces, keeping line breaks. */
  static String trimText(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return s.replace("\r\n", "\n").strip().replaceAll("[ \\t]+\n", "\n");
  }

  static void length(Errors errors, String field, String what, String value, int max) {
    if (value != null && value.length() > max) {
      errors.reject(field, what + " must be " + max + " characters or fewer");
    }
  }

  /** Rejects {@code field} when empty, or when longer than {@code max}. */
  static void required(
      Errors errors, String field, String value, String whenMissing, String what, int max) {
    if (value == null) {
      errors.reject(field, whenMissing);
    } else {
      length(errors, field, what, value, max);
    }
  }

  /** Who is acting, for the record: the signed-in user, or "system". */
  static String actor() {
    return Actors.current();
  }
}
