// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.time.Instant;
import java.util.UUID;

/** An issued API token as the admin page lists it: never the token itself. */
public record ApiTokenInfo(
    UUID id, String owner, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
