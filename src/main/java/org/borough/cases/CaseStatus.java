// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * A case's lifecycle: new → open → in progress ⇄ on hold → resolved → closed, with reopening
 * (within the reopen window), cancellation and duplicate-of. {@link #next()} is the whole table.
 */
public enum CaseStatus {
  NEW("New"),
  OPEN("Open"),
  IN_PROGRESS("In progress"),
  ON_HOLD("On hold"),
  RESOLVED("Resolved"),
  CLOSED("Closed"),
  CANCELLED("Cancelled"),
  DUPLICATE("Duplicate");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The statuses a case can move to from this one. */
  public Set<CaseStatus> next() {
    return switch (this) {
      case NEW -> EnumSet.of(OPEN, IN_PROGRESS, ON_HOLD, RESOLVED, CANCELLED, DUPLICATE);
      case OPEN -> EnumSet.of(IN_PROGRESS, ON_HOLD, RESOLVED, CANCELLED, DUPLICATE);
      case IN_PROGRESS -> EnumSet.of(OPEN, ON_HOLD, RESOLVED, CANCELLED, DUPLICATE);
      case ON_HOLD -> EnumSet.of(OPEN, IN_PROGRESS, RESOLVED, CANCELLED, DUPLICATE);
      case RESOLVED -> EnumSet.of(CLOSED, OPEN);
      case CLOSED -> EnumSet.of(OPEN);
      case CANCELLED, DUPLICATE -> EnumSet.noneOf(CaseStatus.class);
    };
  }

  /** Still being worked: in a queue, with a running (or paused) SLA clock. */
  public boolean active() {
    return this == NEW || this == OPEN || this == IN_PROGRESS || this == ON_HOLD;
  }

  /** Moving from resolved or closed back to open is a reopen. */
  public boolean isReopenTo(CaseStatus target) {
    return (this == RESOLVED || this == CLOSED) && target == OPEN;
  }

  public static Set<CaseStatus> activeStatuses() {
    return EnumSet.of(NEW, OPEN, IN_PROGRESS, ON_HOLD);
  }
}
