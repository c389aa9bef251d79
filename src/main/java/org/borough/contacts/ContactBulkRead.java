// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every contact as it stands, streamed row by row, for derived stores such as the warehouse that
 * rebuild themselves from the CRM's current state. Ids and codes only: the summary and the agent
 * stay here.
 */
public interface ContactBulkRead {

  /** A contact without its free text. */
  record Row(
      UUID id,
      UUID residentId,
      UUID caseId,
      String channel,
      String direction,
      String outcome,
      boolean resolvedAtFirstContact,
      Integer durationSeconds,
      Instant occurredAt) {}

  /** How many contacts there are. */
  long count();

  /** Whether there is any contact at all (cheap, unlike a count). */
  boolean any();

  /** Calls {@code each} with every contact, in no particular order. */
  void forEach(Consumer<Row> each);
}
