// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Open311 settings, bound from {@code borough.open311.*}.
 *
 * @param jurisdictionId what clients may send as {@code jurisdiction_id} (by convention the
 *     council's web domain without www); missing or empty is accepted too, anything else is not
 * @param apiKey if set, registered on start as the key of a client application named "default"
 */
@ConfigurationProperties("borough.open311")
record Open311Properties(@DefaultValue("example.gov.uk") String jurisdictionId, String apiKey) {}
