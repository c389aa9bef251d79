// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.Instant;
import java.util.List;

/** Reads the outbox in commit order, for consumers that keep their own position. */
public interface Outbox {

  /** Up to {@code limit} entries after {@code position}, oldest first. */
  List<Entry> readAfter(long position, int limit);

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
