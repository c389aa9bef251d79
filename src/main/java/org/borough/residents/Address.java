// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

/** A postal address; {@code postcode} is normalised ('SW1A 1AA'), {@code uprn} may be null. */
public record Address(
    String line1, String line2, String town, String postcode, Long uprn, String wardCode) {

  public String oneLine() {
    StringBuilder s = new StringBuilder(line1);
    if (line2 != null && !line2.isBlank()) {
      s.append(", ").append(line2);
    }
    if (town != null && !town.isBlank()) {
      s.append(", ").append(town);
    }
    return s.append(", ").append(postcode).toString();
  }
}
