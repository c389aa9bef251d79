// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers the answer to a credential lookup (an API token, an Open311 key) for a few seconds. An
 * integration posting hundreds of requests a second would otherwise spend a large share of its
 * database round trips proving who it is. Only found answers are remembered, so a new key works at
 * once; a revoked one stops at once on this instance ({@link #forget()}) and within {@code ttl} on
 * any other. A Caffeine cache, bounded and expiring after {@code ttl}.
 */
public final class ShortMemory<K, V> {

  /** A flood of distinct keys must not grow the heap: the least useful are dropped past this. */
  private static final int MAX_ENTRIES = 10_000;

  private final Cache<K, V> entries;

  public ShortMemory(Duration ttl, Clock clock) {
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(ttl)
            // The application's clock, so that tests moving it see entries expire.
            .ticker(
                () -> {
                  Instant now = clock.instant();
                  return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
            .build();
  }

  /** The remembered value of {@code key}, or else what {@code lookUp} finds (then remembered). */
  public Optional<V> get(K key, Function<K, Optional<V>> lookUp) {
    V seen = entries.getIfPresent(key);
    if (seen != null) {
      return Optional.of(seen);
    }
    Optional<V> found = lookUp.apply(key);
    found.ifPresentOrElse(v -> entries.put(key, v), () -> entries.invalidate(key));
    return found;
  }

  /**
   * Forgets everything now and, inside a transaction, again after it commits: a request that looks
   * a key up between the two would otherwise remember the state from before the commit.
   */
  public void forget() {
    entries.invalidateAll();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              entries.invalidateAll();
            }
          });
    }
  }
}
