// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

import java.time.Instant;
import java.util.List;
import org.borough.cases.CaseId;

/**
 * A request for information and its clocks.
 *
 * @param firstDueBy the deadline before any extension, which an extension is measured from
 * @param logTitle the title the response is published under on the disclosure log; null when it is
 *     not published
 */
public record InformationRequest(
    CaseId caseId,
    String reference,
    Regime regime,
    Instant receivedAt,
    Instant dueBy,
    Instant firstDueBy,
    Instant clarificationAskedAt,
    Instant clarifiedAt,
    String extensionReason,
    Instant respondedAt,
    Disclosure outcome,
    List<Exemption> exemptions,
    String logTitle,
    String logText,
    Instant reviewRequestedAt,
    Instant reviewDueBy,
    Instant reviewedAt,
    ReviewOutcome reviewOutcome) {

  /** Waiting for the requester to say what they want: the clock has stopped. */
  public boolean awaitingClarification() {
    return clarificationAskedAt != null && clarifiedAt == null && respondedAt == null;
  }

  public boolean answered() {
    return respondedAt != null;
  }

  public boolean underReview() {
    return reviewRequestedAt != null && reviewedAt == null;
  }

  /** Still to be answered: the response, or the internal review. */
  public boolean open() {
    return !answered() || underReview();
  }

  /** The deadline the council is working to now: the review's, or the response's. */
  public Instant currentDue() {
    return underReview() ? reviewDueBy : dueBy;
  }

  public boolean overdue(Instant now) {
    return open() && !awaitingClarification() && now.isAfter(currentDue());
  }

  /** Answered by its (possibly extended) deadline; null while open. */
  public Boolean withinTime() {
    return respondedAt == null ? null : !respondedAt.isAfter(dueBy);
  }

  public boolean published() {
    return logTitle != null;
  }
}
