// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries;

import java.time.Instant;
import java.util.UUID;
import org.borough.cases.CaseStatus;

/**
 * A councillor's enquiry as its list and page show it: the case's status and deadline with who
 * raised it for which ward, and when and by whom it was answered.
 *
 * @param aboutReference an existing case the enquiry is about, if the councillor gave one
 * @param status the case's status, on an enquiry's own page (null in lists, which are read without
 *     opening each case)
 * @param dueAt the answer's deadline: on an enquiry's page the case's own (paused or moved since,
 *     as the case is); in lists the one the service's SLA set when it was raised
 */
public record Enquiry(
    UUID caseId,
    String reference,
    String councillor,
    String wardCode,
    String wardName,
    String aboutReference,
    CaseStatus status,
    String serviceName,
    Instant raisedAt,
    Instant dueAt,
    Instant respondedAt,
    String respondedBy) {

  /** Not answered yet and past its deadline. */
  public boolean overdue(Instant now) {
    return respondedAt == null && dueAt != null && dueAt.isBefore(now);
  }
}
