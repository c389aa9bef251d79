// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.util.List;

/**
 * What a load of the gazetteer did.
 *
 * @param added addresses new to the gazetteer
 * @param changed addresses whose details changed, or that came back after being retired
 * @param retired addresses no longer in a full file, or deleted by a change file
 * @param unchanged addresses the file held as they were
 * @param rejected rows that could not be loaded; the first {@link #SHOWN} are in {@code problems}
 * @param unknownWards addresses loaded without a ward because the file names a ward Borough does
 *     not know
 * @param outsideArea addresses loaded without a ward because their point is in none of the
 *     council's ward boundaries
 * @param refusal why nothing was loaded, or null when the load was kept
 */
public record LoadReport(
    int added,
    int changed,
    int retired,
    int unchanged,
    int rejected,
    int unknownWards,
    int outsideArea,
    List<Problem> problems,
    String refusal) {

  /** How many rejected rows a report lists. */
  public static final int SHOWN = 50;

  /** A row that could not be loaded: its line in the file, its UPRN when readable, and why. */
  public record Problem(int line, Long uprn, String reason) {}

  public LoadReport {
    problems = List.copyOf(problems);
  }

  /** A loaded file's name as the history keeps it: trimmed, at most 200 characters. */
  static String sourceName(String source) {
    String name = source == null || source.isBlank() ? "unnamed file" : source.strip();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  public boolean refused() {
    return refusal != null;
  }
}
