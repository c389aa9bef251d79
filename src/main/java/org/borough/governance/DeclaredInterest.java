// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;

/**
 * An interest a member declared in the matter decided, and any dispensation that let them take part
 * despite it (Localism Act 2011 s.33).
 *
 * @param member who declared it
 * @param interest what it is, in the words of the declaration
 * @param dispensationBy who granted a dispensation (the standards committee, the monitoring
 *     officer); null when none was granted
 * @param dispensationOn when it was granted; given with {@code dispensationBy}
 */
public record DeclaredInterest(
    String member,
    InterestKind kind,
    String interest,
    String dispensationBy,
    LocalDate dispensationOn) {

  public boolean dispensed() {
    return dispensationBy != null;
  }
}
