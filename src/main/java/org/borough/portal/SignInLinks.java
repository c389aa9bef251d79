// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One-time sign-in links: a {@link OneTimeTokens token} kept only as its hash, working for {@code
 * BOROUGH_PORTAL_SIGN_IN_LINK_LIFETIME}, once, and only while it is the newest link for its
 * address.
 */
@Component
class SignInLinks {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final PortalProperties properties;
  private final Clock clock;

  SignInLinks(
      JdbcClient jdbc, ApplicationEventPublisher events, PortalProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Issues a link for a verified-to-be-known email address, replacing any earlier one, and
   * publishes {@link SignInLinkIssued} for the mail to go after this transaction commits.
   */
  @Transactional
  void issue(String email) {
    String token = OneTimeTokens.next();
    Instant now = clock.instant();
    Instant expires = now.plus(properties.signInLinkLifetime());
    jdbc.sql("delete from portal_sign_in_link where email = ? or expires_at < ?")
        .params(email, Timestamp.from(now))
        .update();
    jdbc.sql(
            "insert into portal_sign_in_link (token_hash, email, created_at, expires_at)"
                + " values (?, ?, ?, ?)")
        .params(hash(token), email, Timestamp.from(now), Timestamp.from(expires))
        .update();
    String link =
        UriComponentsBuilder.fromUri(properties.baseUrl())
            .path("/portal/sign-in/link")
            .queryParam("token", token)
            .build()
            .toUriString();
    events.publishEvent(new SignInLinkIssued(email, link, expires));
  }

  /** Whether the token is a link that would still sign someone in; uses nothing up. */
  @Transactional(readOnly = true)
  boolean works(String token) {
    return valid(token) && email(hash(token)).isPresent();
  }

  /**
   * Uses the link up: the email address it was sent to, or empty when the token is unknown,
   * expired, replaced or already used. Of two uses at once, only one gets the address.
   */
  @Transactional
  Optional<String> redeem(String token) {
    if (!valid(token)) {
      return Optional.empty();
    }
    String hash = hash(token);
    Optional<String> email = email(hash);
    if (email.isEmpty()
        || jdbc.sql("delete from portal_sign_in_link where token_hash = ?").param(hash).update()
            != 1) {
      return Optional.empty();
    }
    return email;
  }

  private Optional<String> email(String hash) {
    return jdbc.sql("select email from portal_sign_in_link where token_hash = ? and expires_at > ?")
        .params(hash, Timestamp.from(clock.instant()))
        .query(String.class)
        .optional();
  }

  private static boolean valid(String token) {
    return OneTimeTokens.wellFormed(token);
  }

  private static String hash(String token) {
    return OneTimeTokens.hash(token);
  }
}
