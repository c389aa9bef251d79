// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;

/**
 * Filters for the register; nulls mean "any". {@code from} and {@code to} bound the date of
 * decision, inclusive; {@code text} is looked for in the title, summary, background, items, reasons
 * and options.
 */
public record DecisionQuery(
    LocalDate from,
    LocalDate to,
    String decisionMaker,
    boolean keyOnly,
    String ward,
    String text,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 200;

  public DecisionQuery {
    offset = Math.max(0, offset);
    limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
  }

  public static DecisionQuery all() {
    return new DecisionQuery(null, null, null, false, null, null, 0, 50);
  }
}
