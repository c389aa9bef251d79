// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import org.borough.residents.ResidentDetails;

/** Residents as the portal's tests need them: names and a way to reach them, nothing else. */
public final class ResidentDetailsFor {

  private ResidentDetailsFor() {}

  /** Details with only names, an email and a phone (either may be null). */
  public static ResidentDetails contact(
      String forename, String surname, String email, String phone) {
    return new ResidentDetails(
        forename, surname, null, email, phone, null, null, null, null, null, null, null, null, null,
        null);
  }

  /** Details with only names and a postal address: someone who can be reached by letter alone. */
  public static ResidentDetails posted(
      String forename, String surname, String line1, String town, String postcode) {
    return new ResidentDetails(
        forename, surname, null, null, null, line1, null, town, postcode, null, null, null, null,
        null, null);
  }
}
