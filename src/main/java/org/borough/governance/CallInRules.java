// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import org.borough.system.WorkingCalendar;

/**
 * Call-in: a published decision may be called in until the end of the configured number of working
 * days after its publication (England and Wales bank holidays are not working days); it may be
 * implemented after that unless it was called in.
 */
final class CallInRules {

  private final WorkingCalendar calendar;
  private final int workingDays;

  CallInRules(WorkingCalendar calendar, int workingDays) {
    this.calendar = calendar;
    this.workingDays = workingDays;
  }

  /** The last day on which a decision published on {@code published} may be called in. */
  LocalDate deadline(LocalDate published) {
    return calendar.addWorkingDays(published, workingDays);
  }

  /** The status a stored status stands for on {@code today}. */
  static DecisionStatus effective(
      DecisionStatus stored, boolean subjectToCallIn, LocalDate deadline, LocalDate today) {
    if (stored != DecisionStatus.PUBLISHED) {
      return stored;
    }
    if (!subjectToCallIn || (deadline != null && today.isAfter(deadline))) {
      return DecisionStatus.IMPLEMENTABLE;
    }
    return stored;
  }
}
