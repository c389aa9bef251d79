// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers the answer to a credential lookup (an API token, an Open311 key) for a few seconds. An
 * integration posting hundreds of requests a second would otherwise spend a large share of its
 * database round trips proving who it is. Only found answers are remembered, so a new key works at
 * once; a revoked one stops at once on this instance ({@link #forget()}) and within {@code ttl} on
 * any other.
 */
public final class ShortMemory<K, V> {

  private static final int MAX_ENTRIES = 10_000;

  private record Entry<V>(V value, Instant until) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  public ShortMemory(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The remembered value of {@code key}, or else what {@code lookUp} finds (then remembered). */
  public Optional<V> get(K key, Function<K, Optional<V>> lookUp) {
    Instant now = clock.instant();
    Entry<V> seen = entries.get(key);
    if (seen != null && seen.until().isAfter(now)) {
      return Optional.of(seen.value());
    }
    Optional<V> found = lookUp.apply(key);
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear(); // a flood of distinct keys must not grow the heap
    }
    found.ifPresentOrElse(
        v -> entries.put(key, new Entry<>(v, now.plus(ttl))), () -> entries.remove(key));
    return found;
  }

  /**
   * Forgets everything now and, inside a transaction, again after it commits: a request that looks
   * a key up between the two would otherwise remember the state from before the commit.
   */
  public void forget() {
    entries.clear();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              entries.clear();
            }
          });
    }
  }
}
