// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the council holds about a resident. {@code vulnerabilities} is empty unless the caller
 * may see them; {@code vulnerabilitiesHidden} then says so without saying which.
 */
public record Resident(
    ResidentId id,
    String forename,
    String surname,
    LocalDate dateOfBirth,
    List<String> emails,
    List<String> phones,
    List<Address> addresses,
    Channel preferredChannel,
    String preferredLanguage,
    String accessibilityNeeds,
    List<Vulnerability> vulnerabilities,
    boolean vulnerabilitiesHidden,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public String fullName() {
    return forename + " " + surname;
  }

  public Address primaryAddress() {
    return addresses.isEmpty() ? null : addresses.get(0);
  }
}
