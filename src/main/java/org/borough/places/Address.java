// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One address of the gazetteer.
 *
 * @param uprn the Unique Property Reference Number, up to 12 digits
 * @param usrn the street's Unique Street Reference Number, when the file gives it
 * @param line1 the first line people write ("12 Acacia Road", "Flat 3")
 * @param line2 the rest before the town ("12 Acacia Road" under a flat), or null
 * @param postcode normalised, "SW1A 1AA"
 * @param latitude WGS84, as maps use
 * @param easting British National Grid metres, when the file gives them
 * @param classification the AddressBase classification code ("RD04" a terraced house), or null
 * @param wardCode the ward's GSS code, or null when the file names no ward Borough knows
 * @param retiredAt when a full load stopped holding it, or null while it is current
 */
public record Address(
    long uprn,
    Long usrn,
    String line1,
    String line2,
    String town,
    String postcode,
    BigDecimal latitude,
    BigDecimal longitude,
    BigDecimal easting,
    BigDecimal northing,
    String classification,
    String wardCode,
    Instant retiredAt) {

  /** "Flat 3, 12 Acacia Road, London, SE30 1AB", as a case's address is kept. */
  public String oneLine() {
    return line1 + (line2 == null ? "" : ", " + line2) + ", " + town + ", " + postcode;
  }

  /** The same address with another ward (a load names wards Borough may not know). */
  Address withWard(String ward) {
    return new Address(
        uprn,
        usrn,
        line1,
        line2,
        town,
        postcode,
        latitude,
        longitude,
        easting,
        northing,
        classification,
        ward,
        retiredAt);
  }
}
