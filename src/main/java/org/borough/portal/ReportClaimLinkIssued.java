// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.time.Instant;

/**
 * A link that proves a report is the addressee's was made, for notifications to email. Published
 * inside the report's transaction; the mail goes only if it commits.
 *
 * @param email the address given with the report
 * @param reference the report's case reference
 * @param link the full link, with its one-time token
 * @param expiresAt when it stops working
 */
public record ReportClaimLinkIssued(
    String email, String reference, String link, Instant expiresAt) {

  /** Never the link or the address, should anything log the event. */
  @Override
  public String toString() {
    return "ReportClaimLinkIssued[reference=" + reference + ", expiresAt=" + expiresAt + "]";
  }
}
