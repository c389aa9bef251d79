// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.Instant;
import java.util.List;

/** Reads the outbox in commit order, for consumers that keep their own position. */
public interface Outbox {

  /** Up to {@code limit} entries after {@code position}, oldest first. */
  List<Entry> readAfter(long position, int limit);

  /** The entries at these positions that exist now, oldest first (for a reader's gaps). */
  List<Entry> readAt(java.util.Collection<Long> positions);

  /**
   * The highest position pruning has deleted up to (0 if none): a reader whose position is below it
   * has missed entries for good and must start again from the CRM (the warehouse rebuilds).
   */
  long prunedUpTo();

  /** The highest position written so far (0 when empty), for progress and lag. */
  long lastPosition();

  /** One recorded event; {@code payload} is the event as JSON. */
  record Entry(
      long position,
      String eventType,
      String aggregateType,
      String aggregateId,
      Instant occurredAt,
      String payload) {}
}
