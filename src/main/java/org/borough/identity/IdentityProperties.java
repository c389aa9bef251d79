// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and bootstrap settings ({@code BOROUGH_ADMIN_PASSWORD}, {@code BOROUGH_ADMIN_API_TOKEN},
 * and the sign-in throttle: {@code BOROUGH_LOCKOUT_ATTEMPTS}, {@code BOROUGH_LOCKOUT_DURATION} per
 * account, {@code BOROUGH_LOCKOUT_ADDRESS_ATTEMPTS}, {@code BOROUGH_LOCKOUT_ADDRESS_DURATION} per
 * client address). The account's longest wait is short on purpose: anyone can make an account wait
 * by failing on purpose, so it only slows guessing down; the address's can be long, as only that
 * address waits. {@code BOROUGH_STEP_UP} is how long ago staff must have entered their password for
 * the pages that destroy what cannot be got back (erasing a resident): older, and they are asked
 * for it again. {@code BOROUGH_LOCAL_SIGN_IN=false}, with single sign-on configured, leaves
 * password sign-in to the break-glass {@code admin} only. {@code BOROUGH_SESSION_ABSOLUTE_TIMEOUT}
 * ends any session that old however busy it has been (the idle timeout is {@code
 * SERVER_SERVLET_SESSION_TIMEOUT}). {@code BOROUGH_MAX_SESSIONS} is how many console sessions one
 * member of staff may hold at once (a desk, a laptop, a phone); signing in once more ends the one
 * used least recently. 0 or less sets no limit.
 */
@ConfigurationProperties("borough")
public record IdentityProperties(
    String adminPassword,
    String adminApiToken,
    @DefaultValue("5") int lockoutAttempts,
    @DefaultValue("1m") Duration lockoutDuration,
    @DefaultValue("20") int lockoutAddressAttempts,
    @DefaultValue("15m") Duration lockoutAddressDuration,
    @DefaultValue("10m") Duration stepUp,
    @DefaultValue("true") boolean localSignIn,
    @DefaultValue("12h") Duration sessionAbsoluteTimeout,
    @DefaultValue("3") int maxSessions) {}
