// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.borough.identity.IdentityProperties;
import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in throttle on the real database: waits per account and per address, the same for
 * unknown usernames, seen by a second node, and forgotten after a quiet hour. Each test uses its
 * own usernames and addresses, and two throttles on one database stand for two nodes.
 */
class SignInThrottleIT extends IntegrationTest {

  private static final IdentityProperties LIMITS =
      new IdentityProperties(
          null,
          null,
          3,
          Duration.ofMinutes(1),
          5,
          Duration.ofMinutes(15),
          Duration.ofMinutes(10),
          true,
          Duration.ofHours(12),
          3);

  @Autowired JdbcClient jdbc;

  /** The time the throttles see; tests move it forward by hand. */
  private Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Test
  void anAccountWaitsAfterItsFreeAttemptsWhateverTheAddressAndNeverLongerThanAMinute() {
    SignInThrottle throttle = node();
    String user = "victim-" + suffix();
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.waitFor(user, address())).isZero();
      throttle.failed(user, address());
    }
    assertThat(throttle.waitFor(user, address())).isEqualTo(Duration.ofSeconds(1));
    for (int i = 0; i < 20; i++) {
      now = now.plus(throttle.waitFor(user, address()));
      throttle = node();
      throttle.failed(user, address());
    }
    assertThat(throttle.waitFor(user, address())).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void anUnknownUsernameIsThrottledExactlyLikeARealOne() {
    SignInThrottle throttle = node();
    String known = "admin";
    String unknown = "nobody-" + suffix();
    throttle.clear(known);
    for (int i = 0; i < 4; i++) {
      throttle.failed(known, address());
      throttle.failed(unknown, address());
      assertThat(throttle.waitFor(unknown, address()))
          .isEqualTo(throttle.waitFor(known, address()));
    }
    assertThat(throttle.waitFor(known, address())).isEqualTo(Duration.ofSeconds(2));
    throttle.clear(known);
  }

  @Test
  void anAddressTryingManyUsernamesWaitsForAnyOfThem() {
    SignInThrottle throttle = node();
    String address = address();
    for (int i = 0; i < 5; i++) {
      throttle.failed("spray-" + i + "-" + suffix(), address);
    }
    assertThat(throttle.waitFor("someone-else-" + suffix(), address))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("someone-else-" + suffix(), address())).isZero();
  }

  @Test
  void aSecondNodeSeesTheFailuresCountedOnTheFirst() {
    String user = "two-nodes-" + suffix();
    String address = address();
    SignInThrottle first = node();
    SignInThrottle second = node();
    first.failed(user, address);
    second.failed(user, address);
    first.failed(user, address);
    assertThat(second.waitFor(user, address())).isEqualTo(Duration.ofSeconds(1));
    second.clear(user);
    assertThat(first.waitFor(user, address())).isZero();
  }

  @Test
  void failuresAreForgottenAfterAQuietHour() {
    SignInThrottle throttle = node();
    String user = "forgetful-" + suffix();
    for (int i = 0; i < 3; i++) {
      throttle.failed(user, address());
    }
    now = now.plus(SignInThrottle.FORGET_AFTER).plusSeconds(1);
    throttle = node();
    throttle.failed(user, address());
    assertThat(throttle.waitFor(user, address())).isZero();
  }

  private SignInThrottle node() {
    return new SignInThrottle(jdbc, Clock.fixed(now, ZoneOffset.UTC), LIMITS);
  }

  /** A fresh client address, so that only what a test does counts against it. */
  private static String address() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
