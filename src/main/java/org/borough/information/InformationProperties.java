// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clocks of requests for information, in working days ({@code BOROUGH_INFORMATION_*}): the
 * law's 20 to respond (FOI s.10, EIR reg 5) and at most 20 more by extension (the ICO's guidance
 * for the public interest test; EIR reg 7's 40 in all); the ICO's 20 for an internal review, which
 * a requester may ask for within 40 of the response.
 */
@ConfigurationProperties("borough.information")
public record InformationProperties(
    @DefaultValue("20") int responseDays,
    @DefaultValue("20") int extensionDays,
    @DefaultValue("20") int reviewDays,
    @DefaultValue("40") int reviewWindowDays) {}
