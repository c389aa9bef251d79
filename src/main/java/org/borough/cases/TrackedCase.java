// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case as the resident who tracks it sees it: its public columns, its history without internal
 * notes (oldest first), and who may see it, so a portal can check the person asking is one of them.
 *
 * @param history the case being raised, status changes and public notes
 */
public record TrackedCase(
    CaseFeed.PublicCase details, List<Update> history, CaseAudience audience) {

  /**
   * One line of the public history. {@code kind} is {@code CREATED}, {@code STATUS} or {@code
   * NOTE}; {@code text} is the public note, or null.
   */
  public record Update(Instant at, String kind, CaseStatus status, String text) {}
}
