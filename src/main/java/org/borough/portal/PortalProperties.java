// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Portal settings, bound from {@code borough.portal.*}.
 *
 * @param baseUrl the portal's public address, for links in emails ({@code BOROUGH_PORTAL_BASE_URL})
 * @param rateLimitRequests form posts one address may make per {@code rateLimitPeriod}
 * @param rateLimitPeriod the window the rate limit refills over
 * @param maxFormSize the largest form post without a photo
 * @param photoMaxSize the largest photo (at most the case attachment limit)
 * @param maxPhotos photos one report may carry
 * @param duplicateRadiusMetres how near an open case must be to be offered as the same problem
 * @param duplicateDays how recent it must be
 * @param signInLinkLifetime how long an emailed sign-in link works (if not used or replaced first)
 * @param signInIpRequests sign-in links one IP address may ask for per {@code signInPeriod}
 * @param signInAddressRequests sign-in links sent to one email address per {@code signInPeriod}
 * @param signInPeriod the window the two sign-in limits refill over
 * @param trackRequests reports one address may try to track per {@code trackPeriod}: tracking
 *     checks a reference and an email address, so it is limited far below other forms
 * @param trackPeriod the window the tracking limit refills over
 * @param claimLinkLifetime how long the link emailed after a report made without signing in works:
 *     following it proves the address and adds the report to the account (once)
 */
@ConfigurationProperties("borough.portal")
record PortalProperties(
    @DefaultValue("http://localhost:8080") URI baseUrl,
    @DefaultValue("30") int rateLimitRequests,
    @DefaultValue("10m") Duration rateLimitPeriod,
    @DefaultValue("64KB") DataSize maxFormSize,
    @DefaultValue("5MB") DataSize photoMaxSize,
    @DefaultValue("3") int maxPhotos,
    @DefaultValue("50") int duplicateRadiusMetres,
    @DefaultValue("30") int duplicateDays,
    @DefaultValue("20m") Duration signInLinkLifetime,
    @DefaultValue("10") int signInIpRequests,
    @DefaultValue("3") int signInAddressRequests,
    @DefaultValue("1h") Duration signInPeriod,
    @DefaultValue("10") int trackRequests,
    @DefaultValue("10m") Duration trackPeriod,
    @DefaultValue("7d") Duration claimLinkLifetime) {}
