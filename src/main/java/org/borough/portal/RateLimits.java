// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.borough.system.Sha256;

/**
 * A token bucket (Bucket4j) per key — an IP address, an email address — refilled continuously:
 * {@code requests} per {@code period}. In the shared store when there is one ({@link
 * RateLimitBuckets}), keyed by a hash of the limit's name and the key; otherwise in this node's
 * memory, bounded, an idle key forgotten once its bucket would be full again anyway.
 */
final class RateLimits {

  private final String name;
  private final int requests;
  private final Duration period;
  private final BucketConfiguration configuration;
  private final ProxyManager<String> shared;
  private final Cache<String, Bucket> local;

  RateLimits(String name, int requests, Duration period, ProxyManager<String> shared) {
    this.name = name;
    this.requests = requests;
    this.period = period;
    this.configuration =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period))
            .build();
    this.shared = shared;
    this.local =
        shared != null
            ? null
            : Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(period.toMillis(), TimeUnit.MILLISECONDS)
                .build();
  }

  /** Takes one request for {@code key}: empty when allowed, else the seconds to wait. */
  OptionalLong take(String key) {
    Bucket bucket =
        shared != null
            ? shared.builder().build(Sha256.hex(name + "\n" + key), () -> configuration)
            : local.get(key, k -> newLocalBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill())));
  }

  private Bucket newLocalBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period))
        .build();
  }
}
