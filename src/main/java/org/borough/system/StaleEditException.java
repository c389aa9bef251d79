// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

/**
 * A save made to an older version of a record than the one stored: someone else changed it while
 * this person was editing it. Pages say so with a link to reload, the API answers 409.
 */
public class StaleEditException extends ConflictException {

  /**
   * @param what the record, as a person would name it, e.g. "case BR-2026-000123" or "team Waste"
   */
  public StaleEditException(String what) {
    super(
        "This "
            + what
            + " was changed by someone else while you were editing it. Reload it to see their"
            + " change, then make yours again.");
  }
}
