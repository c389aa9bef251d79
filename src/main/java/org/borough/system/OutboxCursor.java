// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one reader of the outbox has got to: the highest position it has read and the positions
 * below it not seen yet. Every reader (notifications, the warehouse loader) follows the outbox
 * through one of these and keeps it where it keeps its own work.
 *
 * <p>Positions are taken at insert, not at commit (ADR 0002): position 11 can become visible before
 * 10. The cursor passes a missing position at once and remembers it as a gap; on each read it looks
 * for the gaps by position and hands over any that have appeared, so that one slow transaction
 * never holds back the entries after it. A gap still empty after the gap timeout was a rolled-back
 * transaction and is dropped. A jump of more than {@link #MAX_GAPS_PER_JUMP} positions (a sequence
 * reset or a restore) is taken as it is, without waiting for what lies between.
 */
public final class OutboxCursor {

  /** Positions skipped in one jump beyond which the jump is taken for a sequence reset. */
  public static final int MAX_GAPS_PER_JUMP = 10_000;

  private static final Logger log = LoggerFactory.getLogger(OutboxCursor.class);

  private long high;
  private final TreeMap<Long, Instant> gaps;

  /** A cursor at {@code high} with these gaps (position → when first seen missing). */
  public OutboxCursor(long high, Map<Long, Instant> gaps) {
    this.high = high;
    this.gaps = new TreeMap<>(gaps);
  }

  /** A cursor that has read everything up to {@code position}. */
  public static OutboxCursor at(long position) {
    return new OutboxCursor(position, Map.of());
  }

  /**
   * What one read found, in the order to apply it: gaps that have appeared (late arrivals) first,
   * then new entries.
   */
  public record Read(List<Outbox.Entry> entries, int lateArrivals, int gapsDropped) {

    public boolean isEmpty() {
      return entries.isEmpty() && gapsDropped == 0;
    }
  }

  /**
   * Reads up to {@code limit} entries not handed over before and moves the cursor past them. The
   * caller applies them and stores the cursor in one transaction; if that fails, it starts again
   * from the cursor it stored last.
   */
  public Read read(Outbox outbox, int limit, Duration gapTimeout, Instant now) {
    List<Outbox.Entry> entries = new ArrayList<>();
    if (!gaps.isEmpty()) {
      for (Outbox.Entry e : outbox.readAt(List.copyOf(gaps.keySet()))) {
        if (entries.size() < limit && gaps.remove(e.position()) != null) {
          entries.add(e);
        }
      }
    }
    int late = entries.size();
    if (entries.size() < limit) {
      for (Outbox.Entry e : outbox.readAfter(high, limit - entries.size())) {
        long missing = e.position() - high - 1;
        if (missing > MAX_GAPS_PER_JUMP) {
          log.warn(
              "Outbox jumped from {} to {}; not waiting for the positions between",
              high,
              e.position());
        } else {
          for (long p = high + 1; p < e.position(); p++) {
            gaps.put(p, now);
          }
        }
        high = e.position();
        entries.add(e);
      }
    }
    int dropped = 0;
    for (var it = gaps.values().iterator(); it.hasNext(); ) {
      if (!it.next().plus(gapTimeout).isAfter(now)) {
        it.remove();
        dropped++;
      }
    }
    return new Read(List.copyOf(entries), late, dropped);
  }

  /** The highest position read. */
  public long high() {
    return high;
  }

  /** The positions below {@link #high()} not yet seen, with when each was first missed. */
  public SortedMap<Long, Instant> gaps() {
    return java.util.Collections.unmodifiableSortedMap(gaps);
  }

  /**
   * The highest position at and below which everything has been read or given up: a reader that
   * keeps only one number (and not the gaps) may restart from here without losing an entry.
   */
  public long settled() {
    return gaps.isEmpty() ? high : gaps.firstKey() - 1;
  }
}
