// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.borough.residents.Address;
import org.borough.residents.Channel;
import org.borough.residents.Resident;
import org.borough.residents.ResidentDetails;
import org.borough.residents.Vulnerability;
import org.borough.system.DateInputs;
import org.borough.system.Errors;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Turns the register/change form's fields into {@link ResidentDetails}, and back. */
final class ResidentForm {

  private ResidentForm() {}

  /**
   * Reads the form. Fields that cannot even be parsed (a date of 31/02) are rejected here; the rest
   * is validated by the residents service so the API and the page say the same thing.
   */
  static ResidentDetails read(MultiValueMap<String, String> f, Errors errors) {
    LocalDate dob = date(f, "dateOfBirth", errors);
    Long uprn = null;
    String rawUprn = f.getFirst("uprn");
    if (rawUprn != null && !rawUprn.isBlank()) {
      try {
        uprn = Long.parseLong(rawUprn.trim());
      } catch (NumberFormatException e) {
        errors.reject("uprn", "A UPRN is a number of up to 12 digits");
      }
    }
    Channel channel = null;
    String rawChannel = f.getFirst("preferredChannel");
    if (rawChannel != null && !rawChannel.isBlank()) {
      try {
        channel = Channel.valueOf(rawChannel);
      } catch (IllegalArgumentException e) {
        errors.reject("preferredChannel", "Choose a channel from the list");
      }
    }
    List<Vulnerability> flags = null;
    if (f.containsKey("vulnerabilitiesShown")) {
      flags = new ArrayList<>();
      for (String v : f.getOrDefault("vulnerabilities", List.of())) {
        try {
          flags.add(new Vulnerability(Vulnerability.Kind.valueOf(v), null));
        } catch (IllegalArgumentException e) {
          errors.reject("vulnerabilities", "Choose flags from the list");
        }
      }
    }
    return new ResidentDetails(
        f.getFirst("forename"),
        f.getFirst("surname"),
        dob,
        f.getFirst("email"),
        f.getFirst("phone"),
        f.getFirst("addressLine1"),
        f.getFirst("addressLine2"),
        f.getFirst("town"),
        f.getFirst("postcode"),
        uprn,
        blank(f.getFirst("wardCode")),
        channel,
        f.getFirst("preferredLanguage"),
        f.getFirst("accessibilityNeeds"),
        flags);
  }

  /** The form filled in from a stored resident, for "change details". */
  static MultiValueMap<String, String> of(Resident r) {
    MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
    f.add("forename", r.forename());
    f.add("surname", r.surname());
    DateInputs.fill(f, "dateOfBirth", r.dateOfBirth());
    f.add("email", r.emails().isEmpty() ? "" : r.emails().get(0));
    f.add("phone", r.phones().isEmpty() ? "" : r.phones().get(0));
    Address a = r.primaryAddress();
    if (a != null) {
      f.add("addressLine1", a.line1());
      f.add("addressLine2", a.line2());
      f.add("town", a.town());
      f.add("postcode", a.postcode());
      f.add("uprn", a.uprn() == null ? "" : a.uprn().toString());
      f.add("wardCode", a.wardCode());
    }
    f.add("preferredChannel", r.preferredChannel() == null ? "" : r.preferredChannel().name());
    f.add("preferredLanguage", r.preferredLanguage());
    f.add("accessibilityNeeds", r.accessibilityNeeds());
    f.put(
        "vulnerabilities",
        new ArrayList<>(r.vulnerabilities().stream().map(v -> v.kind().name()).toList()));
    f.add("version", String.valueOf(r.version()));
    return f;
  }

  /** A GOV.UK date input (name-day, name-month, name-year); null when all three are empty. */
  static LocalDate date(MultiValueMap<String, String> f, String name, Errors errors) {
    return DateInputs.read(f, name, "Date of birth must be a real date, like 27 3 1985", errors);
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
