// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.borough.system.BankHolidays;
import org.borough.system.WorkingCalendar;
import org.junit.jupiter.api.Test;

class CallInRulesTests {

  private final WorkingCalendar calendar =
      new WorkingCalendar(
          BankHolidays.bundled(),
          ZoneId.of("Europe/London"),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0));
  private final CallInRules fiveDays = new CallInRules(calendar, 5);

  @Test
  void deadlineIsFiveWorkingDaysAfterPublicationWithinAWeek() {
    // Monday 4 December 2017 → Monday 11 December.
    assertThat(fiveDays.deadline(LocalDate.of(2017, 12, 4))).isEqualTo(LocalDate.of(2017, 12, 11));
  }

  @Test
  void deadlineSkipsTheWeekend() {
    // Friday 15 December 2017 → Friday 22 December.
    assertThat(fiveDays.deadline(LocalDate.of(2017, 12, 15))).isEqualTo(LocalDate.of(2017, 12, 22));
  }

  @Test
  void deadlineSkipsChristmasBoxingDayAndNewYearsDay() {
    // Friday 22 December 2017: 27, 28, 29 Dec, 2, 3 Jan (25, 26 Dec and 1 Jan are bank holidays).
    assertThat(fiveDays.deadline(LocalDate.of(2017, 12, 22))).isEqualTo(LocalDate.of(2018, 1, 3));
  }

  @Test
  void deadlineSkipsEaster() {
    // Thursday 29 March 2018; Good Friday 30 March and Easter Monday 2 April are bank holidays.
    assertThat(fiveDays.deadline(LocalDate.of(2018, 3, 29))).isEqualTo(LocalDate.of(2018, 4, 9));
  }

  @Test
  void publicationOnASaturdayCountsFromTheNextWorkingDay() {
    assertThat(new CallInRules(calendar, 3).deadline(LocalDate.of(2017, 12, 16)))
        .isEqualTo(LocalDate.of(2017, 12, 20));
  }

  @Test
  void publishedDecisionBecomesImplementableTheDayAfterItsDeadline() {
    LocalDate deadline = LocalDate.of(2017, 12, 22);
    assertThat(CallInRules.effective(DecisionStatus.PUBLISHED, true, deadline, deadline))
        .isEqualTo(DecisionStatus.PUBLISHED);
    assertThat(
            CallInRules.effective(DecisionStatus.PUBLISHED, true, deadline, deadline.plusDays(1)))
        .isEqualTo(DecisionStatus.IMPLEMENTABLE);
  }

  @Test
  void calledInDecisionStaysCalledInAfterTheDeadline() {
    LocalDate deadline = LocalDate.of(2017, 12, 22);
    assertThat(
            CallInRules.effective(DecisionStatus.CALLED_IN, true, deadline, deadline.plusDays(9)))
        .isEqualTo(DecisionStatus.CALLED_IN);
  }

  @Test
  void decisionNotSubjectToCallInIsImplementableOnPublication() {
    assertThat(CallInRules.effective(DecisionStatus.PUBLISHED, false, null, LocalDate.now()))
        .isEqualTo(DecisionStatus.IMPLEMENTABLE);
  }
}
