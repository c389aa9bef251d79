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

  /**
   * What the case's reporter sees: its status and the notes written to them, at the street's
   * precision (a tracking page can be left open or forwarded).
   */
  public TrackedCase forReporter() {
    return new TrackedCase(details.coarse(), history, audience);
  }

  /**
   * What anyone else who follows it sees: its public status, and only the notes published with a
   * status change of a published service's case. Notes written to the reporter stay theirs.
   */
  public TrackedCase forFollower() {
    List<Update> shown = new java.util.ArrayList<>();
    for (Update u : history) {
      if (u.kind().equals("CREATED")) {
        shown.add(u);
      } else if (u.kind().equals("STATUS")) {
        boolean published = details.publicService() && u.text() != null;
        shown.add(new Update(u.at(), u.kind(), u.status(), published ? u.text() : null));
      }
    }
    return new TrackedCase(details.published(), List.copyOf(shown), audience);
  }
}
