// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.borough.catalogue.SlaPolicy;
import org.borough.system.BankHolidays;
import org.borough.system.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlaClockTests {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final WorkingCalendar calendar =
      new WorkingCalendar(BankHolidays.bundled(), LONDON, LocalTime.of(9, 0), LocalTime.of(17, 0));
  private final SlaClock clock = new SlaClock(calendar);

  private static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  private static SlaPolicy workingDays(int target, int warningPercent) {
    return new SlaPolicy(target, SlaPolicy.Unit.WORKING_DAYS, warningPercent, Set.of("ON_HOLD"));
  }

  private static SlaPolicy workingHours(int target, int warningPercent) {
    return new SlaPolicy(target, SlaPolicy.Unit.WORKING_HOURS, warningPercent, Set.of("ON_HOLD"));
  }

  // --- due dates --------------------------------------------------------------------------

  @Test
  void aWorkingDaysTargetIsDueAtCloseOfTheNthWorkingDayAfterOpening() {
    // Opened Thu 19 Nov 2026 10:00; 5 working days: 20, 23, 24, 25, 26 Nov.
    SlaClock.Deadline deadline = clock.start(workingDays(5, 80), london("2026-11-19T10:00"));
    assertThat(deadline.due()).isEqualTo(london("2026-11-26T17:00"));
  }

  @Test
  void aWorkingDaysTargetIsDueAtCloseInLondonTimeDuringSummerTime() {
    // Opened Mon 15 Jun 2026 10:00 BST; 2 working days -> Wed 17 Jun 17:00 BST = 16:00 UTC.
    SlaClock.Deadline deadline = clock.start(workingDays(2, 80), london("2026-06-15T10:00"));
    assertThat(deadline.due()).isEqualTo(Instant.parse("2026-06-17T16:00:00Z"));
  }

  @Test
  void aWorkingDaysTargetSkipsChristmasBankHolidaysAndWeekends() {
    // Opened Tue 23 Dec 2025; 24 Dec, (25, 26 bank holidays, 27-28 weekend), 29, 30 Dec.
    SlaClock.Deadline deadline = clock.start(workingDays(3, 80), london("2025-12-23T10:00"));
    assertThat(deadline.due()).isEqualTo(london("2025-12-30T17:00"));
    // 5 working days also skips New Year's Day and the following weekend.
    assertThat(clock.start(workingDays(5, 80), london("2025-12-23T10:00")).due())
        .isEqualTo(london("2026-01-02T17:00"));
  }

  @Test
  void aWorkingDaysTargetOpenedAtTheWeekendCountsFromTheNextWorkingDay() {
    // Opened Sat 14 Nov 2026; 1 working day after it is Mon 16 Nov.
    SlaClock.Deadline deadline = clock.start(workingDays(1, 80), london("2026-11-14T12:00"));
    assertThat(deadline.due()).isEqualTo(london("2026-11-16T17:00"));
  }

  @Test
  void aWorkingHoursTargetCountsOnlyWorkingTime() {
    // 4 working hours from Fri 9 Jan 2026 15:00: 2 h on Friday, 2 h on Monday -> Mon 11:00.
    SlaClock.Deadline deadline = clock.start(workingHours(4, 80), london("2026-01-09T15:00"));
    assertThat(deadline.due()).isEqualTo(london("2026-01-12T11:00"));
  }

  @Test
  void aWorkingHoursTargetWithinTheDayIsDueTheSameDay() {
    SlaClock.Deadline deadline = clock.start(workingHours(3, 80), london("2026-01-12T10:00"));
    assertThat(deadline.due()).isEqualTo(london("2026-01-12T13:00"));
  }

  // --- at risk ----------------------------------------------------------------------------

  @Test
  void aCaseIsAtRiskOnceTheWarningPercentOfWorkingTimeHasPassed() {
    // Thu 19 Nov 10:00 -> Thu 26 Nov 17:00 is 7 h + 5 x 8 h = 47 working hours;
    // 80% is 37 h 36 min, which runs out on Wed 25 Nov at 15:36.
    SlaClock.Deadline deadline = clock.start(workingDays(5, 80), london("2026-11-19T10:00"));
    assertThat(deadline.atRisk()).isEqualTo(london("2026-11-25T15:36"));
  }

  @Test
  void theAtRiskInstantOfAWorkingHoursTargetSkipsTheWeekend() {
    // 10 working hours from Fri 9 Jan 2026 13:00: due Mon 12 Jan 15:00.
    // 80% is 8 h: 4 h on Friday, 4 h on Monday -> Mon 13:00.
    SlaClock.Deadline deadline = clock.start(workingHours(10, 80), london("2026-01-09T13:00"));
    assertThat(deadline.due()).isEqualTo(london("2026-01-12T15:00"));
    assertThat(deadline.atRisk()).isEqualTo(london("2026-01-12T13:00"));
  }

  @Test
  void aHundredPercentWarningIsAtRiskOnlyAtTheDeadline() {
    SlaClock.Deadline deadline = clock.start(workingDays(2, 100), london("2026-11-19T10:00"));
    assertThat(deadline.atRisk()).isEqualTo(deadline.due());
  }

  @Test
  void atRiskIsNeverAfterDue() {
    for (int percent : new int[] {1, 50, 80, 99, 100}) {
      SlaClock.Deadline deadline =
          clock.start(workingHours(7, percent), london("2026-01-09T16:59"));
      assertThat(deadline.atRisk()).as("%d%%", percent).isBeforeOrEqualTo(deadline.due());
      assertThat(deadline.atRisk())
          .as("%d%%", percent)
          .isAfterOrEqualTo(london("2026-01-09T16:59"));
    }
  }

  // --- pausing ----------------------------------------------------------------------------

  @Test
  void resumingAfterTwoWorkingDaysOnHoldMovesTheDeadlineOnByTwoWorkingDays() {
    SlaClock.Deadline deadline = clock.start(workingDays(5, 80), london("2026-11-19T10:00"));
    // On hold Mon 23 Nov 10:00 -> Wed 25 Nov 10:00: 7 h + 8 h + 1 h = 16 working hours.
    SlaClock.Deadline resumed =
        clock.resume(deadline, london("2026-11-23T10:00"), london("2026-11-25T10:00"));
    // Due Thu 26 Nov 17:00 + 2 working days -> Mon 30 Nov 17:00.
    assertThat(resumed.due()).isEqualTo(london("2026-11-30T17:00"));
    // At risk Wed 25 Nov 15:36 + 16 working hours -> Fri 27 Nov 15:36.
    assertThat(resumed.atRisk()).isEqualTo(london("2026-11-27T15:36"));
  }

  @Test
  void timeOnHoldOutsideWorkingHoursDoesNotMoveTheDeadline() {
    SlaClock.Deadline deadline = clock.start(workingDays(5, 80), london("2026-11-19T10:00"));
    // On hold from Friday evening to Monday morning: no working time passed.
    SlaClock.Deadline resumed =
        clock.resume(deadline, london("2026-11-20T17:30"), london("2026-11-23T08:45"));
    assertThat(resumed).isEqualTo(deadline);
  }

  @Test
  void timeOnHoldOverABankHolidayDoesNotCount() {
    SlaClock.Deadline deadline = clock.start(workingHours(16, 80), london("2025-12-22T09:00"));
    // Due Tue 23 Dec 17:00. On hold Wed 24 Dec 16:00 -> Mon 29 Dec 10:00: 2 working hours.
    assertThat(deadline.due()).isEqualTo(london("2025-12-23T17:00"));
    SlaClock.Deadline resumed =
        clock.resume(deadline, london("2025-12-24T16:00"), london("2025-12-29T10:00"));
    assertThat(resumed.due()).isEqualTo(london("2025-12-24T11:00"));
  }

  // --- state ------------------------------------------------------------------------------

  private final Instant due = london("2026-11-26T17:00");
  private final Instant atRisk = london("2026-11-25T15:36");

  @Test
  void anActiveCaseBeforeTheWarningIsOnTrack() {
    assertThat(SlaClock.state(CaseStatus.OPEN, due, atRisk, null, null, london("2026-11-24T12:00")))
        .isEqualTo(SlaState.ON_TRACK);
  }

  @Test
  void anActiveCasePastTheWarningIsAtRisk() {
    assertThat(SlaClock.state(CaseStatus.IN_PROGRESS, due, atRisk, null, null, atRisk))
        .isEqualTo(SlaState.AT_RISK);
    assertThat(
            SlaClock.state(
                CaseStatus.IN_PROGRESS, due, atRisk, null, null, london("2026-11-26T12:00")))
        .isEqualTo(SlaState.AT_RISK);
  }

  @Test
  void anActiveCaseIsNotBreachedAtTheExactDueInstant() {
    assertThat(SlaClock.state(CaseStatus.OPEN, due, atRisk, null, null, due))
        .isEqualTo(SlaState.AT_RISK);
  }

  @Test
  void anActiveCasePastItsDueInstantIsBreached() {
    assertThat(SlaClock.state(CaseStatus.NEW, due, atRisk, null, null, due.plusSeconds(1)))
        .isEqualTo(SlaState.BREACHED);
    assertThat(SlaClock.state(CaseStatus.OPEN, due, atRisk, null, null, london("2026-12-07T10:00")))
        .isEqualTo(SlaState.BREACHED);
  }

  @Test
  void pausesSlaClockWhileOnHold() {
    Instant longAfterDue = london("2026-12-15T10:00");
    // Paused while on track: still on track, however late it is now.
    assertThat(
            SlaClock.state(
                CaseStatus.ON_HOLD, due, atRisk, london("2026-11-23T11:00"), null, longAfterDue))
        .isEqualTo(SlaState.ON_TRACK);
    // Paused while at risk: still at risk, not breached.
    assertThat(
            SlaClock.state(
                CaseStatus.ON_HOLD, due, atRisk, london("2026-11-26T09:30"), null, longAfterDue))
        .isEqualTo(SlaState.AT_RISK);
  }

  @Test
  void aCasePausedAfterItsDueInstantStaysBreached() {
    assertThat(
            SlaClock.state(
                CaseStatus.ON_HOLD,
                due,
                atRisk,
                london("2026-11-27T10:00"),
                null,
                london("2026-11-30T10:00")))
        .isEqualTo(SlaState.BREACHED);
  }

  @ParameterizedTest
  @EnumSource(
      value = CaseStatus.class,
      names = {"RESOLVED", "CLOSED"})
  void aCaseResolvedByItsDueInstantMetItsSla(CaseStatus status) {
    Instant now = london("2026-12-15T10:00");
    assertThat(SlaClock.state(status, due, atRisk, null, london("2026-11-26T16:59"), now))
        .isEqualTo(SlaState.MET);
    assertThat(SlaClock.state(status, due, atRisk, null, due, now)).isEqualTo(SlaState.MET);
  }

  @ParameterizedTest
  @EnumSource(
      value = CaseStatus.class,
      names = {"RESOLVED", "CLOSED"})
  void aCaseResolvedAfterItsDueInstantMissedItsSla(CaseStatus status) {
    Instant now = london("2026-12-15T10:00");
    assertThat(SlaClock.state(status, due, atRisk, null, due.plusSeconds(1), now))
        .isEqualTo(SlaState.MISSED);
    assertThat(SlaClock.state(status, due, atRisk, null, london("2026-11-30T09:00"), now))
        .isEqualTo(SlaState.MISSED);
  }

  @Test
  void aResolvedCaseIsJudgedByWhenItWasResolvedNotByNow() {
    // Resolved in time, looked at long after the deadline.
    assertThat(
            SlaClock.state(
                CaseStatus.CLOSED,
                due,
                atRisk,
                null,
                london("2026-11-20T10:00"),
                london("2027-03-01T10:00")))
        .isEqualTo(SlaState.MET);
    // Resolved late, looked at "before" the deadline.
    assertThat(
            SlaClock.state(
                CaseStatus.RESOLVED,
                due,
                atRisk,
                null,
                london("2026-11-27T10:00"),
                london("2026-11-20T10:00")))
        .isEqualTo(SlaState.MISSED);
  }

  @ParameterizedTest
  @EnumSource(
      value = CaseStatus.class,
      names = {"CANCELLED", "DUPLICATE"})
  void cancelledAndDuplicateCasesHaveNoSla(CaseStatus status) {
    assertThat(SlaClock.state(status, due, atRisk, null, null, london("2026-12-15T10:00")))
        .isEqualTo(SlaState.NOT_APPLICABLE);
    assertThat(
            SlaClock.state(
                status, due, atRisk, null, london("2026-11-20T10:00"), london("2026-11-20T10:00")))
        .isEqualTo(SlaState.NOT_APPLICABLE);
  }

  // --- SlaPolicy --------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(ints = {0, -1, -5})
  void slaPolicyRejectsATargetThatIsNotPositive(int target) {
    assertThatThrownBy(
            () -> new SlaPolicy(target, SlaPolicy.Unit.WORKING_DAYS, 80, Set.of("ON_HOLD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -10, 101, 150})
  void slaPolicyRejectsAWarningPercentOutsideOneToAHundred(int percent) {
    assertThatThrownBy(
            () -> new SlaPolicy(5, SlaPolicy.Unit.WORKING_DAYS, percent, Set.of("ON_HOLD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 100");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 80, 100})
  void slaPolicyAcceptsAWarningPercentFromOneToAHundred(int percent) {
    assertThatCode(() -> new SlaPolicy(1, SlaPolicy.Unit.WORKING_HOURS, percent, Set.of()))
        .doesNotThrowAnyException();
  }
}
