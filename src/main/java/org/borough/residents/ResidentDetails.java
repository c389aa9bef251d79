// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.time.LocalDate;
import java.util.List;

/**
 * What a form or API call says about a resident, before validation. Strings are as typed; the
 * service validates and normalises them (phone to E.164, postcode to 'SW1A 1AA').
 */
public record ResidentDetails(
    String forename,
    String surname,
    LocalDate dateOfBirth,
    String email,
    String phone,
    String addressLine1,
    String addressLine2,
    String town,
    String postcode,
    Long uprn,
    String wardCode,
    Channel preferredChannel,
    String preferredLanguage,
    String accessibilityNeeds,
    List<Vulnerability> vulnerabilities) {}
