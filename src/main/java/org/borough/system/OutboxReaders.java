// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.Instant;
import java.util.List;

/**
 * How far each reader of the outbox has got, kept in the CRM's database: what pruning may delete
 * (never a row a live reader has not passed) and what the outbox page shows.
 */
public interface OutboxReaders {

  /** The position a reader has settled at (everything at and before it read), or 0. */
  long position(String reader);

  /** Records a reader's settled position, in the caller's transaction if there is one. */
  void moveTo(String reader, long position);

  /** Every reader, by name. */
  List<Reader> all();

  /** A reader's position and when it last reported one. */
  record Reader(String name, long position, Instant updatedAt) {}
}
