// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries;

/**
 * What a councillor gives when raising an enquiry. The resident's names are optional (a councillor
 * may raise what they saw themselves); with them, the resident is recorded and told the answer by
 * email or text when an address or number is given.
 *
 * @param serviceCode the councillor-enquiry service; the only one when null and there is one
 * @param aboutReference a case the enquiry is about (one in the councillor's wards), or null
 */
public record NewEnquiry(
    String wardCode,
    String serviceCode,
    String forename,
    String surname,
    String email,
    String phone,
    String address,
    String postcode,
    String description,
    String aboutReference) {}
