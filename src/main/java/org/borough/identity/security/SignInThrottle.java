// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.borough.identity.IdentityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins in a row, per account and per client address, and how long the next attempt must
 * wait ({@link Backoff}). Kept in the database, so every node behind a load balancer sees the same
 * counts. An unknown username is counted exactly like a real one, so the answers say nothing about
 * which accounts exist.
 */
@Component
class SignInThrottle {

  /** A key's failures are forgotten after this long without another (and no wait running). */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Backoff perAccount;
  private final Backoff perAddress;

  SignInThrottle(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.perAccount = new Backoff(properties.lockoutAttempts(), properties.lockoutDuration());
    this.perAddress =
        new Backoff(properties.lockoutAddressAttempts(), properties.lockoutAddressDuration());
  }

  /**
   * How long an attempt for {@code username} from {@code address} must still wait; zero if none.
   */
  Duration waitFor(String username, String address) {
    Instant now = clock.instant();
    Timestamp until =
        jdbc.sql(
                "select max(wait_until) from sign_in_throttle"
                    + " where throttle_key in (?, ?) and wait_until > ?")
            .params(accountKey(username), addressKey(address), Timestamp.from(now))
            .query(Timestamp.class)
            .optional()
            .orElse(null);
    return until == null ? Duration.ZERO : Duration.between(now, until.toInstant());
  }

  /** Counts a failed attempt against the account and the address. */
  @Transactional
  public void failed(String username, String address) {
    Instant now = clock.instant();
    jdbc.sql(
            "delete from sign_in_throttle where last_failure_at < ?"
                + " and (wait_until is null or wait_until < ?)")
        .params(Timestamp.from(now.minus(FORGET_AFTER)), Timestamp.from(now))
        .update();
    count(accountKey(username), perAccount, now);
    count(addressKey(address), perAddress, now);
  }

  /** A successful sign-in (or a new password set by an admin) clears the account's failures. */
  @Transactional
  public void clear(String username) {
    jdbc.sql("delete from sign_in_throttle where throttle_key = ?")
        .param(accountKey(username))
        .update();
  }

  private void count(String key, Backoff backoff, Instant now) {
    // Insert-if-absent then lock the row, so two nodes counting at once both count.
    jdbc.sql(
            "insert into sign_in_throttle (throttle_key, failures, last_failure_at)"
                + " values (?, 0, ?) on conflict do nothing")
        .params(key, Timestamp.from(now))
        .update();
    int failures =
        jdbc.sql("select failures from sign_in_throttle where throttle_key = ? for update")
                .param(key)
                .query(Integer.class)
                .single()
            + 1;
    jdbc.sql(
            "update sign_in_throttle set failures = ?, last_failure_at = ?, wait_until = ?"
                + " where throttle_key = ?")
        .params(failures, Timestamp.from(now), waitUntil(backoff, failures, now), key)
        .update();
  }

  private static Timestamp waitUntil(Backoff backoff, int failures, Instant now) {
    Duration wait = backoff.after(failures);
    return wait.isZero() ? null : Timestamp.from(now.plus(wait));
  }

  static String accountKey(String username) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return ApiTokens.hash("account:" + name);
  }

  static String addressKey(String address) {
    return ApiTokens.hash("address:" + (address == null ? "" : address));
  }
}
