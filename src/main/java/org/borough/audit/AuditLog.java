// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit;

import java.time.Instant;
import java.util.List;

/** Records and reads access to personal data. Records join the caller's transaction. */
public interface AuditLog {

  /**
   * Records that the current user did {@code action} to a subject.
   *
   * @param subjectType {@code resident}, {@code case}, {@code contact}
   * @param detail what was looked at or changed, without personal data where avoidable
   */
  void record(AuditAction action, String subjectType, String subjectId, String detail);

  /**
   * Records as {@code actor} rather than the current user: a sign-in, which happens before anyone
   * is signed in on this request.
   */
  void recordAs(
      String actor, AuditAction action, String subjectType, String subjectId, String detail);

  /** Newest first, before {@code beforeId} (keyset), optionally for one subject or actor. */
  List<Entry> read(AuditQuery query);

  record Entry(
      long id,
      Instant at,
      String actor,
      AuditAction action,
      String subjectType,
      String subjectId,
      String detail,
      String remoteAddress) {}

  /**
   * Filters for reading; nulls mean 'any'. Entries at or after {@code from} and before {@code to}.
   */
  record AuditQuery(
      String subjectType,
      String subjectId,
      String actor,
      Instant from,
      Instant to,
      Long beforeId,
      int limit) {

    public AuditQuery(
        String subjectType, String subjectId, String actor, Long beforeId, int limit) {
      this(subjectType, subjectId, actor, null, null, beforeId, limit);
    }
  }
}
