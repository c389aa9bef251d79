// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An issued API token as the pages list it: never the token itself. {@code scopes} empty means all
 * its owner may do; {@code issuedBy} is not the owner when an administrator issued it for them, and
 * then {@code reason} says why.
 */
public record ApiTokenInfo(
    UUID id,
    String owner,
    String name,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt,
    Instant expiresAt,
    String issuedBy,
    String reason,
    Set<Permission> scopes) {

  public boolean issuedBySomeoneElse() {
    return issuedBy != null && !issuedBy.equals(owner);
  }
}
