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
}
