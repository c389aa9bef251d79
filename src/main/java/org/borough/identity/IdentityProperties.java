// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and bootstrap settings ({@code BOROUGH_ADMIN_PASSWORD}, {@code BOROUGH_ADMIN_API_TOKEN},
 * {@code BOROUGH_LOCKOUT_ATTEMPTS}, {@code BOROUGH_LOCKOUT_DURATION}).
 */
@ConfigurationProperties("borough")
public record IdentityProperties(
    String adminPassword,
    String adminApiToken,
    @DefaultValue("5") int lockoutAttempts,
    @DefaultValue("15m") Duration lockoutDuration) {}
