// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every resident reduced to what a pseudonymous dimension may hold — the id (to be keyed by the
 * caller), the ward of the primary address, when they were registered and whom they were merged
 * into — streamed row by row. No name, contact detail or address leaves the module this way.
 */
public interface ResidentBulkRead {

  record Row(UUID id, String wardCode, Instant registeredAt, UUID mergedInto) {}

  /** How many residents there are, erased ones included. */
  long count();

  /** Calls {@code each} with every resident not erased, in no particular order. */
  void forEach(Consumer<Row> each);
}
