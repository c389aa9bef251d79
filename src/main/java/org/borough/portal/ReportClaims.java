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
 * Links that prove a report made without signing in belongs to the owner of the email address given
 * with it: a {@link OneTimeTokens token} per report, kept only as its hash, working once for {@code
 * BOROUGH_PORTAL_CLAIM_LINK_LIFETIME}. Unlike sign-in links, a newer link never cancels an older
 * one: each names its own report.
 */
@Component
class ReportClaims {

  /** A used link: the report it proves, and the address it was sent to. */
  record Claim(String reference, String email) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final PortalProperties properties;
  private final Clock clock;

  ReportClaims(
      JdbcClient jdbc, ApplicationEventPublisher events, PortalProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Makes the link for a report and publishes {@link ReportClaimLinkIssued} for the mail to go
   * after the report's transaction commits.
   */
  @Transactional
  void issue(String reference, String email) {
    String token = OneTimeTokens.next();
    Instant now = clock.instant();
    Instant expires = now.plus(properties.claimLinkLifetime());
    jdbc.sql("delete from portal_report_claim where expires_at < ?")
        .param(Timestamp.from(now))
        .update();
    jdbc.sql(
            "insert into portal_report_claim (token_hash, reference, email, created_at,"
                + " expires_at) values (?, ?, ?, ?, ?)")
        .params(
            OneTimeTokens.hash(token),
            reference,
            email,
            Timestamp.from(now),
            Timestamp.from(expires))
        .update();
    String link =
        UriComponentsBuilder.fromUri(properties.baseUrl())
            .path("/portal/claim")
            .queryParam("token", token)
            .build()
            .toUriString();
    events.publishEvent(new ReportClaimLinkIssued(email, reference, link, expires));
  }

  /** The report the link would prove, while it works; uses nothing up. */
  @Transactional(readOnly = true)
  Optional<String> reference(String token) {
    return find(token).map(Claim::reference);
  }

  /**
   * Uses the link up: its report and address, or empty when the token is unknown, expired or used.
   * Of two uses at once, only one gets them.
   */
  @Transactional
  Optional<Claim> redeem(String token) {
    Optional<Claim> claim = find(token);
    if (claim.isEmpty()
        || jdbc.sql("delete from portal_report_claim where token_hash = ?")
                .param(OneTimeTokens.hash(token))
                .update()
            != 1) {
      return Optional.empty();
    }
    return claim;
  }

  private Optional<Claim> find(String token) {
    if (!OneTimeTokens.wellFormed(token)) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select reference, email from portal_report_claim where token_hash = ? and"
                + " expires_at > ?")
        .params(OneTimeTokens.hash(token), Timestamp.from(clock.instant()))
        .query((rs, i) -> new Claim(rs.getString(1), rs.getString(2)))
        .optional();
  }
}
