// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.time.Instant;

/**
 * A one-time sign-in link was issued for a resident's email address and must be emailed to them.
 * Not a {@code DomainEvent} on purpose: the link is a credential, so it must never reach the outbox
 * (or the warehouse that reads it); it lives only in memory until the mail is sent. See ADR 0017.
 *
 * @param link the full link, with the token
 * @param expiresAt when it stops working
 */
public record SignInLinkIssued(String email, String link, Instant expiresAt) {

  /** Never the link or the address, should anything log the event. */
  @Override
  public String toString() {
    return "SignInLinkIssued[expiresAt=" + expiresAt + "]";
  }
}
