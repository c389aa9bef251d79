// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.borough.catalogue.SlaPolicy;
import org.borough.system.WorkingCalendar;

/**
 * Computes due dates and SLA states on the working calendar. A target in working days is due at the
 * end of the n-th working day after the day a case is opened; a target in working hours is due
 * after that much working time. Time on hold is working time added back to the deadline.
 */
public final class SlaClock {

  private final WorkingCalendar calendar;

  public SlaClock(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** When the target falls due and when the case becomes 'at risk'. */
  public record Deadline(Instant due, Instant atRisk) {}

  public Deadline start(SlaPolicy policy, Instant openedAt) {
    Instant due;
    if (policy.unit() == SlaPolicy.Unit.WORKING_DAYS) {
      LocalDate opened = openedAt.atZone(calendar.zone()).toLocalDate();
      due = calendar.endOfWorkingDay(calendar.addWorkingDays(opened, policy.target()));
    } else {
      due = calendar.addWorkingTime(openedAt, Duration.ofHours(policy.target()));
    }
    Duration whole = calendar.workingTimeBetween(openedAt, due);
    Duration warnAfter = whole.multipliedBy(policy.warningPercent()).dividedBy(100);
    Instant atRisk = calendar.addWorkingTime(openedAt, warnAfter);
    if (atRisk.isAfter(due)) {
      atRisk = due;
    }
    return new Deadline(due, atRisk);
  }

  /** Moves a deadline on by the working time a case spent paused. */
  public Deadline resume(Deadline deadline, Instant pausedAt, Instant resumedAt) {
    Duration paused = calendar.workingTimeBetween(pausedAt, resumedAt);
    if (paused.isZero()) {
      return deadline;
    }
    return new Deadline(
        calendar.addWorkingTime(deadline.due(), paused),
        calendar.addWorkingTime(deadline.atRisk(), paused));
  }

  /**
   * The SLA state of a case at {@code now}. A paused clock is judged at the moment it paused; a
   * resolved case by when it was resolved.
   */
  public static SlaState state(
      CaseStatus status,
      Instant due,
      Instant atRisk,
      Instant pausedAt,
      Instant resolvedAt,
      Instant now) {
    if (status == CaseStatus.CANCELLED || status == CaseStatus.DUPLICATE) {
      return SlaState.NOT_APPLICABLE;
    }
    if (status == CaseStatus.RESOLVED || status == CaseStatus.CLOSED) {
      return resolvedAt != null && !resolvedAt.isAfter(due) ? SlaState.MET : SlaState.MISSED;
    }
    Instant at = pausedAt != null ? pausedAt : now;
    if (at.isAfter(due)) {
      return SlaState.BREACHED;
    }
    return at.isBefore(atRisk) ? SlaState.ON_TRACK : SlaState.AT_RISK;
  }
}
