// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

/**
 * Text searched for with SQL's LIKE, its own % and _ taken literally. Both databases read a
 * backslash as LIKE's escape character by default (H2 and PostgreSQL alike).
 */
public final class LikePatterns {

  private LikePatterns() {}

  /** {@code text} with LIKE's wildcards and escape character escaped. */
  public static String literal(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
