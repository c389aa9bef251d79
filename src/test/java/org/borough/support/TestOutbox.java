// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.borough.system.DomainEvent;
import org.borough.system.Outbox;
import tools.jackson.databind.json.JsonMapper;

/** An outbox whose entries can be held back, like a transaction that has not committed yet. */
public final class TestOutbox implements Outbox {
  private final TreeMap<Long, Entry> entries = new TreeMap<>();
  private final TreeSet<Long> hidden = new TreeSet<>();
  private long next = 1;

  public synchronized long add(DomainEvent event, JsonMapper json, Instant at) {
    return addRaw(
        DomainEvent.typeOf(event.getClass()),
        event.aggregateType(),
        event.aggregateId(),
        at,
        json.writeValueAsString(event));
  }

  public synchronized long addRaw(
      String type, String aggregate, String id, Instant at, String payload) {
    long p = next++;
    entries.put(p, new Entry(p, type, aggregate, id, at, payload));
    return p;
  }

  /** Takes a position whose transaction rolls back: it never appears. */
  public synchronized long skip() {
    return next++;
  }

  public synchronized void hide(long position) {
    hidden.add(position);
  }

  public synchronized void show(long position) {
    hidden.remove(position);
  }

  @Override
  public synchronized List<Entry> readAfter(long position, int limit) {
    return entries.tailMap(position, false).values().stream()
        .filter(e -> !hidden.contains(e.position()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<Entry> readAt(Collection<Long> positions) {
    return positions.stream()
        .sorted()
        .filter(p -> entries.containsKey(p) && !hidden.contains(p))
        .map(entries::get)
        .toList();
  }

  private long prunedUpTo;

  /** Deletes every entry up to a position, as pruning does. */
  public synchronized void prune(long upTo) {
    entries.headMap(upTo, true).clear();
    prunedUpTo = Math.max(prunedUpTo, upTo);
  }

  @Override
  public synchronized long prunedUpTo() {
    return prunedUpTo;
  }

  @Override
  public synchronized long lastPosition() {
    return entries.isEmpty() ? 0 : entries.lastKey();
  }
}
