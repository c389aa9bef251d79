// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every case and every status change as they stand, streamed row by row, for derived stores such as
 * the warehouse that rebuild themselves from the CRM's current state. Ids and codes only: no
 * description, address or note leaves the module this way.
 *
 * <p>Rows are streamed with a large fetch size inside a read-only transaction, so millions of cases
 * cost one query and constant memory. Call it inside the caller's own transaction to read several
 * modules from one snapshot.
 */
public interface CaseBulkRead {

  /** A case's current state: the columns an accumulating snapshot needs. */
  record Case(
      UUID id,
      String reference,
      String serviceCode,
      UUID residentId,
      String wardCode,
      UUID teamId,
      String channel,
      String priority,
      CaseStatus status,
      Instant openedAt,
      Instant dueAt,
      Instant firstResponseAt,
      Instant resolvedAt,
      Instant closedAt,
      Instant slaBreachedAt,
      int timesReopened) {}

  /** One move from a status to another, from the case's timeline. */
  record StatusChange(UUID caseId, Instant at, CaseStatus from, CaseStatus to) {
    public boolean reopened() {
      return from.isReopenTo(to);
    }
  }

  /** How many cases there are. */
  long caseCount();

  /** How many status changes there are, over all cases. */
  long statusChangeCount();

  /** Whether there is any case at all (cheap, unlike a count). */
  boolean any();

  /** Calls {@code each} with every case, in no particular order. */
  void forEachCase(Consumer<Case> each);

  /** Calls {@code each} with every status change of every case, in no particular order. */
  void forEachStatusChange(Consumer<StatusChange> each);
}
