// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Optimistic locking for records without a single update statement of their own to guard: the
 * change first raises the row's version from the one it was made to, in its own transaction, and
 * only then writes. The row stays locked until the commit, so of two saves made to one version the
 * second finds 0 rows and is refused.
 */
public final class EditVersions {

  private EditVersions() {}

  /**
   * Raises {@code table.column} by one where {@code key = id} and the version is {@code expected}.
   * The names are the caller's constants, never input.
   *
   * @param what the record, as a person would name it, for the message
   * @throws StaleEditException when the row is at another version now
   */
  public static void raise(
      JdbcClient jdbc,
      String table,
      String key,
      String column,
      Object id,
      int expected,
      String what) {
    int rows =
        jdbc.sql(
                "update "
                    + table
                    + " set "
                    + column
                    + " = "
                    + column
                    + " + 1 where "
                    + key
                    + " = ? and "
                    + column
                    + " = ?")
            .params(id, expected)
            .update();
    if (rows == 0) {
      throw new StaleEditException(what);
    }
  }

  /**
   * The version an edit form was drawn at, from its hidden {@code version} field. Every edit form
   * carries one; a form without it (drawn before an upgrade, or tampered with) is refused rather
   * than saved over whatever is stored.
   *
   * @throws ConflictException when the field is missing or not a number
   */
  public static int fromForm(String value, String what) {
    try {
      return Integer.parseInt(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      throw new ConflictException(
          "This form is out of date: open the " + what + " again, then make your change.");
    }
  }
}
