// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket (Bucket4j) per key — an IP address, an email address — refilled continuously:
 * {@code requests} per {@code period}. Kept in memory per node, bounded, and an idle key is
 * forgotten once its bucket would be full again anyway.
 */
final class RateLimits {

  private final int requests;
  private final Duration period;
  private final Cache<String, Bucket> buckets;

  RateLimits(int requests, Duration period) {
    this.requests = requests;
    this.period = period;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(period.toMillis(), TimeUnit.MILLISECONDS)
            .build();
  }

  /** Takes one request for {@code key}: empty when allowed, else the seconds to wait. */
  OptionalLong take(String key) {
    Bucket bucket = buckets.get(key, k -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill())));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period))
        .build();
  }
}
