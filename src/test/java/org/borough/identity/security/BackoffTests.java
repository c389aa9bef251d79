// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

  private final Backoff backoff = new Backoff(5, Duration.ofMinutes(1));

  @Test
  void letsTheFirstFailuresThroughWithoutAWait() {
    for (int failures = 0; failures < 5; failures++) {
      assertThat(backoff.after(failures)).isZero();
    }
  }

  @Test
  void waitsOneSecondThenDoublesWithEachFurtherFailure() {
    assertThat(backoff.after(5)).hasSeconds(1);
    assertThat(backoff.after(6)).hasSeconds(2);
    assertThat(backoff.after(7)).hasSeconds(4);
    assertThat(backoff.after(10)).hasSeconds(32);
  }

  @Test
  void neverWaitsLongerThanTheLongestWaitHoweverManyFailures() {
    assertThat(backoff.after(11)).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofMinutes(1));
  }
}
