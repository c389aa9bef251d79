// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

import java.time.Instant;

/**
 * One stage of a complaint and its two clocks.
 *
 * @param firstRespondBy the deadline before any extension, which an extension is measured from
 * @param extensionReason why the response was given more time, told to the resident; null if not
 */
public record ComplaintStage(
    int stage,
    Instant startedAt,
    Instant acknowledgeBy,
    Instant acknowledgedAt,
    Instant respondBy,
    Instant firstRespondBy,
    String extensionReason,
    Instant respondedAt,
    Outcome outcome) {

  public boolean open() {
    return respondedAt == null;
  }

  public boolean extended() {
    return extensionReason != null;
  }

  /** Answered by its (possibly extended) deadline; null while open. */
  public Boolean withinTime() {
    return respondedAt == null ? null : !respondedAt.isAfter(respondBy);
  }

  public boolean acknowledgementOverdue(Instant now) {
    return acknowledgedAt == null && respondedAt == null && now.isAfter(acknowledgeBy);
  }

  public boolean overdue(Instant now) {
    return respondedAt == null && now.isAfter(respondBy);
  }
}
