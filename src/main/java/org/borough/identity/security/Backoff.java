// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.time.Duration;

/**
 * How long the next sign-in must wait after {@code failures} failures in a row: nothing for the
 * first {@code freeAttempts - 1}, then one second, doubling with each further failure, never more
 * than {@code longest}. A wait slows guessing down without the hard lock a stranger could put on
 * someone else's account.
 */
record Backoff(int freeAttempts, Duration longest) {

  static final Duration FIRST = Duration.ofSeconds(1);

  Backoff {
    if (freeAttempts < 1) {
      throw new IllegalArgumentException("The attempts before a wait must be at least 1");
    }
    if (longest.compareTo(FIRST) < 0) {
      throw new IllegalArgumentException("The longest wait must be at least " + FIRST);
    }
  }

  Duration after(int failures) {
    if (failures < freeAttempts) {
      return Duration.ZERO;
    }
    // 2^30 s is decades: past that the shift would overflow, and the cap has long applied.
    int doublings = Math.min(failures - freeAttempts, 30);
    Duration wait = FIRST.multipliedBy(1L << doublings);
    return wait.compareTo(longest) > 0 ? longest : wait;
  }
}
