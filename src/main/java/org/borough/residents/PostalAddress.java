// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a letter to a resident goes: their name and their primary address.
 *
 * @param addressee the resident's name as a letter is addressed
 * @param line1 the first line of the address
 * @param line2 the second, if any
 * @param town the town, if known
 * @param postcode the postcode, e.g. {@code SW1A 1AA}
 */
public record PostalAddress(
    String addressee, String line1, String line2, String town, String postcode) {

  /** The lines of the envelope, top to bottom: the name first, the postcode last. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(addressee);
    lines.add(line1);
    if (line2 != null && !line2.isBlank()) {
      lines.add(line2);
    }
    if (town != null && !town.isBlank()) {
      lines.add(town);
    }
    lines.add(postcode);
    return List.copyOf(lines);
  }
}
