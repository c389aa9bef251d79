// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

/**
 * Where a point falls among the council's ward boundaries.
 *
 * @param known whether the council has loaded ward boundaries at all; without them nothing is
 *     derived and nothing refused
 * @param wardCode the GSS code of the ward whose outline holds the point, or null
 * @param refusal why a report there is not the council's, when the point is in none of its wards
 */
public record Placement(boolean known, String wardCode, String refusal) {

  static final Placement UNKNOWN = new Placement(false, null, null);

  /** Whether the point is outside the council's area (known boundaries, none holding it). */
  public boolean outside() {
    return refusal != null;
  }
}
