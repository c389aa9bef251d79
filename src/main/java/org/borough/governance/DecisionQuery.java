// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import org.borough.system.Inputs;

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
    // Dates as far as Borough reads them: the same rows, and no '+999999999-01-01' sent to a
    // database that cannot hold it.
    from = clamp(from);
    to = clamp(to);
    offset = Math.max(0, offset);
    limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
  }

  private static LocalDate clamp(LocalDate d) {
    if (d == null) {
      return null;
    }
    return d.isBefore(Inputs.EARLIEST_DATE)
        ? Inputs.EARLIEST_DATE
        : d.isAfter(Inputs.LATEST_DATE) ? Inputs.LATEST_DATE : d;
  }

  public static DecisionQuery all() {
    return new DecisionQuery(null, null, null, false, null, null, 0, 50);
  }
}
