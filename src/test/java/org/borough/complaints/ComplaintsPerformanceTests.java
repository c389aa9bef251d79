// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.borough.system.FinancialYears;
import org.junit.jupiter.api.Test;

/** Financial years as the report reads and writes them, and a stage's clocks. */
class ComplaintsPerformanceTests {

  @Test
  void aFinancialYearIsWrittenWithItsSecondYearFollowingTheFirst() {
    assertThat(FinancialYears.startOf("2026/27")).contains(2026);
    assertThat(FinancialYears.startOf(" 1999/00 ")).isEmpty(); // before 2000
    assertThat(FinancialYears.startOf("2099/00")).contains(2099);
    assertThat(FinancialYears.startOf("2026/28")).isEmpty();
    assertThat(FinancialYears.startOf("2026-27")).isEmpty();
    assertThat(FinancialYears.startOf(null)).isEmpty();
  }

  @Test
  void aDayBelongsToTheYearThatBeganOnTheFirstOfApril() {
    assertThat(FinancialYears.of(LocalDate.of(2027, 3, 31))).isEqualTo("2026/27");
    assertThat(FinancialYears.of(LocalDate.of(2027, 4, 1))).isEqualTo("2027/28");
    assertThat(FinancialYears.of(LocalDate.of(2099, 12, 1))).isEqualTo("2099/00");
  }

  @Test
  void aStageIsInTimeWhenAnsweredByItsPossiblyExtendedDeadline() {
    Instant start = Instant.parse("2026-11-02T09:00:00Z");
    Instant due = Instant.parse("2026-11-16T17:00:00Z");
    ComplaintStage open = new ComplaintStage(1, start, start, null, due, due, null, null, null);
    assertThat(open.withinTime()).isNull();
    assertThat(open.overdue(due)).isFalse();
    assertThat(open.overdue(due.plusSeconds(1))).isTrue();
    assertThat(open.acknowledgementOverdue(start.plusSeconds(1))).isTrue();
    ComplaintStage late =
        new ComplaintStage(
            1, start, start, start, due, due, null, due.plusSeconds(60), Outcome.UPHELD);
    assertThat(late.withinTime()).isFalse();
    assertThat(late.overdue(due.plusSeconds(3600))).isFalse();
    ComplaintStage extended =
        new ComplaintStage(
            1,
            start,
            start,
            start,
            due.plusSeconds(86_400 * 3),
            due,
            "Waiting for a report",
            due.plusSeconds(60),
            Outcome.NOT_UPHELD);
    assertThat(extended.withinTime()).isTrue();
    assertThat(extended.extended()).isTrue();
  }

  @Test
  void figuresAddUpAndRoundAsPublished() {
    ComplaintsReport.Figures f = new ComplaintsReport.Figures(3, 3, 2, 1, 1, 1, 1, 20);
    assertThat(f.withinTimePercent()).isEqualTo(67);
    assertThat(f.averageWorkingDays()).isEqualTo(6.7);
    assertThat(ComplaintsReport.Figures.NONE.withinTimePercent()).isNull();
    assertThat(f.plus(f).received()).isEqualTo(6);
  }
}
