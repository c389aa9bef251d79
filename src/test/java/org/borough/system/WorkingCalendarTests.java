// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingCalendarTests {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final WorkingCalendar calendar =
      new WorkingCalendar(BankHolidays.bundled(), LONDON, LocalTime.of(9, 0), LocalTime.of(17, 0));

  private static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  // --- working days -----------------------------------------------------------------------

  @Test
  void treatsWeekdaysAsWorkingDays() {
    assertThat(calendar.isWorkingDay(date("2026-01-12"))).isTrue(); // Monday
    assertThat(calendar.isWorkingDay(date("2026-01-16"))).isTrue(); // Friday
  }

  @Test
  void weekendsAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(date("2026-01-10"))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(date("2026-01-11"))).isFalse(); // Sunday
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-12-25", // Christmas Day
        "2025-12-26", // Boxing Day
        "2026-01-01", // New Year's Day
        "2026-04-03", // Good Friday
        "2026-04-06", // Easter Monday
        "2026-05-04", // Early May bank holiday
        "2026-05-25", // Spring bank holiday
        "2026-08-31", // Summer bank holiday
        "2026-12-28" // Boxing Day (substitute day)
      })
  void englandAndWalesBankHolidaysAreNotWorkingDays(String holiday) {
    LocalDate day = date(holiday);
    assertThat(calendar.isBankHoliday(day)).isTrue();
    assertThat(calendar.isWorkingDay(day)).isFalse();
  }

  @Test
  void ordinaryWeekdaysAreNotBankHolidays() {
    assertThat(calendar.isBankHoliday(date("2025-12-24"))).isFalse();
    assertThat(calendar.isBankHoliday(date("2026-04-02"))).isFalse();
    assertThat(calendar.isBankHoliday(date("2026-04-07"))).isFalse();
  }

  @Test
  void rejectsAWorkingDayThatDoesNotEndAfterItStarts() {
    assertThatThrownBy(
            () -> new WorkingCalendar(Set.of(), LONDON, LocalTime.of(17, 0), LocalTime.of(9, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new WorkingCalendar(Set.of(), LONDON, LocalTime.of(9, 0), LocalTime.of(9, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- addWorkingDays ---------------------------------------------------------------------

  @Test
  void addsWorkingDaysWithinAWeek() {
    assertThat(calendar.addWorkingDays(date("2026-01-12"), 3)).isEqualTo(date("2026-01-15"));
  }

  @Test
  void skipsTheWeekendWhenAddingWorkingDays() {
    // Friday + 1 working day is Monday.
    assertThat(calendar.addWorkingDays(date("2026-01-09"), 1)).isEqualTo(date("2026-01-12"));
    // Thursday + 3 working days is Tuesday.
    assertThat(calendar.addWorkingDays(date("2026-01-08"), 3)).isEqualTo(date("2026-01-13"));
  }

  @Test
  void skipsChristmasAndNewYearBankHolidaysWhenAddingWorkingDays() {
    // Wed 24 Dec 2025 + 1: 25, 26 Dec are bank holidays, 27-28 a weekend -> Mon 29 Dec.
    assertThat(calendar.addWorkingDays(date("2025-12-24"), 1)).isEqualTo(date("2025-12-29"));
    // + 4: 29, 30, 31 Dec, then 1 Jan is a bank holiday -> Fri 2 Jan 2026.
    assertThat(calendar.addWorkingDays(date("2025-12-24"), 4)).isEqualTo(date("2026-01-02"));
    // + 5 -> Mon 5 Jan 2026.
    assertThat(calendar.addWorkingDays(date("2025-12-24"), 5)).isEqualTo(date("2026-01-05"));
  }

  @Test
  void skipsEasterBankHolidaysWhenAddingWorkingDays() {
    // Thu 2 Apr 2026 + 1: Good Friday, weekend and Easter Monday skipped -> Tue 7 Apr.
    assertThat(calendar.addWorkingDays(date("2026-04-02"), 1)).isEqualTo(date("2026-04-07"));
    // Wed 1 Apr 2026 + 2 -> Tue 7 Apr.
    assertThat(calendar.addWorkingDays(date("2026-04-01"), 2)).isEqualTo(date("2026-04-07"));
  }

  @Test
  void addingZeroWorkingDaysToASaturdayGivesMonday() {
    LocalDate monday = calendar.addWorkingDays(date("2026-01-10"), 0);
    assertThat(monday).isEqualTo(date("2026-01-12"));
    assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
  }

  @Test
  void addingZeroWorkingDaysToAWorkingDayGivesTheSameDay() {
    assertThat(calendar.addWorkingDays(date("2026-01-14"), 0)).isEqualTo(date("2026-01-14"));
  }

  @Test
  void addingZeroWorkingDaysToABankHolidayGivesTheNextWorkingDay() {
    assertThat(calendar.addWorkingDays(date("2025-12-25"), 0)).isEqualTo(date("2025-12-29"));
  }

  @Test
  void rejectsANegativeNumberOfWorkingDays() {
    assertThatThrownBy(() -> calendar.addWorkingDays(date("2026-01-12"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  // --- workingDaysBetween -----------------------------------------------------------------

  @Test
  void countsWorkingDaysAfterTheStartUpToAndIncludingTheEnd() {
    // Mon 12 Jan -> Fri 16 Jan 2026: Tue, Wed, Thu, Fri.
    assertThat(calendar.workingDaysBetween(date("2026-01-12"), date("2026-01-16"))).isEqualTo(4);
    // Fri 9 Jan -> Mon 12 Jan: only the Monday.
    assertThat(calendar.workingDaysBetween(date("2026-01-09"), date("2026-01-12"))).isEqualTo(1);
  }

  @Test
  void doesNotCountBankHolidaysBetweenDates() {
    // Fri 19 Dec 2025 -> Fri 2 Jan 2026: 22, 23, 24, 29, 30, 31 Dec and 2 Jan.
    assertThat(calendar.workingDaysBetween(date("2025-12-19"), date("2026-01-02"))).isEqualTo(7);
    // Thu 2 Apr -> Tue 7 Apr 2026: only the Tuesday.
    assertThat(calendar.workingDaysBetween(date("2026-04-02"), date("2026-04-07"))).isEqualTo(1);
  }

  @Test
  void countsNoWorkingDaysWhenTheEndIsNotAfterTheStart() {
    assertThat(calendar.workingDaysBetween(date("2026-01-14"), date("2026-01-14"))).isZero();
    assertThat(calendar.workingDaysBetween(date("2026-01-16"), date("2026-01-12"))).isZero();
  }

  @Test
  void workingDaysBetweenIsTheInverseOfAddWorkingDays() {
    LocalDate from = date("2025-12-18");
    for (int n = 1; n <= 15; n++) {
      assertThat(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n)))
          .as("n = %d", n)
          .isEqualTo(n);
    }
  }

  // --- workingTimeBetween -----------------------------------------------------------------

  @Test
  void measuresWorkingTimeWithinOneDay() {
    assertThat(calendar.workingTimeBetween(london("2026-01-12T10:00"), london("2026-01-12T12:30")))
        .isEqualTo(Duration.ofMinutes(150));
  }

  @Test
  void ignoresTimeOutsideWorkingHours() {
    assertThat(calendar.workingTimeBetween(london("2026-01-12T07:00"), london("2026-01-12T20:00")))
        .isEqualTo(Duration.ofHours(8));
    assertThat(calendar.workingTimeBetween(london("2026-01-12T17:30"), london("2026-01-13T08:30")))
        .isZero();
  }

  @Test
  void measuresWorkingTimeAcrossAWeekend() {
    // Fri 16:00 -> Mon 10:00: one hour each side of the weekend.
    assertThat(calendar.workingTimeBetween(london("2026-01-09T16:00"), london("2026-01-12T10:00")))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void measuresWorkingTimeAcrossAWeekendWhenTheClocksGoForward() {
    // British Summer Time starts on Sun 29 Mar 2026; a working day is still 8 hours.
    assertThat(calendar.workingTimeBetween(london("2026-03-27T09:00"), london("2026-03-30T17:00")))
        .isEqualTo(Duration.ofHours(16));
    assertThat(calendar.workingTimeBetween(london("2026-03-27T12:00"), london("2026-03-30T12:00")))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  void measuresWorkingTimeAcrossAWeekendWhenTheClocksGoBack() {
    // British Summer Time ends on Sun 25 Oct 2026.
    assertThat(calendar.workingTimeBetween(london("2026-10-23T12:00"), london("2026-10-26T12:00")))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  void measuresNoWorkingTimeOverBankHolidays() {
    // Wed 24 Dec 2025 16:00 -> Mon 29 Dec 10:00: 1 h + 1 h.
    assertThat(calendar.workingTimeBetween(london("2025-12-24T16:00"), london("2025-12-29T10:00")))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void measuresNoWorkingTimeWhenTheEndIsNotAfterTheStart() {
    Instant at = london("2026-01-12T10:00");
    assertThat(calendar.workingTimeBetween(at, at)).isZero();
    assertThat(calendar.workingTimeBetween(at, london("2026-01-12T09:30"))).isZero();
  }

  // --- addWorkingTime ---------------------------------------------------------------------

  @Test
  void addsWorkingTimeWithinTheDay() {
    assertThat(calendar.addWorkingTime(london("2026-01-12T10:00"), Duration.ofMinutes(90)))
        .isEqualTo(london("2026-01-12T11:30"));
  }

  @Test
  void aWholeWorkingDayFromOpeningEndsAtCloseTheSameDay() {
    assertThat(calendar.addWorkingTime(london("2026-01-12T09:00"), Duration.ofHours(8)))
        .isEqualTo(london("2026-01-12T17:00"));
  }

  @Test
  void workingTimeStartedOnASaturdayStartsOnMondayMorning() {
    Instant saturday = london("2026-01-10T11:00");
    assertThat(calendar.addWorkingTime(saturday, Duration.ZERO))
        .isEqualTo(london("2026-01-12T09:00"));
    assertThat(calendar.addWorkingTime(saturday, Duration.ofHours(1)))
        .isEqualTo(london("2026-01-12T10:00"));
  }

  @Test
  void workingTimeStartedBeforeOpeningStartsAtOpening() {
    assertThat(calendar.addWorkingTime(london("2026-01-12T07:15"), Duration.ofHours(1)))
        .isEqualTo(london("2026-01-12T10:00"));
  }

  @Test
  void workingTimeThatRunsPastCloseCarriesOverToTheNextWorkingDay() {
    // Wed 14 Jan 16:30 + 1 h -> Thu 15 Jan 09:30.
    assertThat(calendar.addWorkingTime(london("2026-01-14T16:30"), Duration.ofHours(1)))
        .isEqualTo(london("2026-01-15T09:30"));
    // Wed 24 Dec 2025 16:30 + 1 h -> Mon 29 Dec 09:30, over Christmas and the weekend.
    assertThat(calendar.addWorkingTime(london("2025-12-24T16:30"), Duration.ofHours(1)))
        .isEqualTo(london("2025-12-29T09:30"));
  }

  @Test
  void workingTimeAddedAtCloseOfDayStartsTheNextWorkingMorning() {
    assertThat(calendar.addWorkingTime(london("2026-01-14T17:00"), Duration.ofHours(1)))
        .isEqualTo(london("2026-01-15T10:00"));
    // Friday 17:00 + 30 min -> Monday 09:30.
    assertThat(calendar.addWorkingTime(london("2026-01-16T17:00"), Duration.ofMinutes(30)))
        .isEqualTo(london("2026-01-19T09:30"));
  }

  @Test
  void addingZeroWorkingTimeDuringWorkingHoursGivesTheSameInstant() {
    Instant at = london("2026-01-14T11:23");
    assertThat(calendar.addWorkingTime(at, Duration.ZERO)).isEqualTo(at);
  }

  @Test
  void addsWorkingTimeAcrossTheChangeToBritishSummerTime() {
    // Fri 27 Mar 2026 16:00 GMT + 2 h -> Mon 30 Mar 10:00 BST, which is 09:00 UTC.
    Instant end = calendar.addWorkingTime(london("2026-03-27T16:00"), Duration.ofHours(2));
    assertThat(end).isEqualTo(london("2026-03-30T10:00"));
    assertThat(end).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
  }

  @Test
  void addWorkingTimeAndWorkingTimeBetweenAgree() {
    Instant from = london("2025-12-23T14:10");
    for (int hours = 1; hours <= 40; hours += 3) {
      Instant end = calendar.addWorkingTime(from, Duration.ofHours(hours));
      assertThat(calendar.workingTimeBetween(from, end))
          .as("%d hours", hours)
          .isEqualTo(Duration.ofHours(hours));
    }
  }

  @Test
  void rejectsANegativeAmountOfWorkingTime() {
    assertThatThrownBy(
            () -> calendar.addWorkingTime(london("2026-01-12T10:00"), Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  // --- BankHolidays -----------------------------------------------------------------------

  @Test
  void bundledListHas107DatesAllOfThemWeekdays() {
    Set<LocalDate> dates = BankHolidays.bundled();
    assertThat(dates).hasSize(107);
    assertThat(dates)
        .allSatisfy(
            d -> assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    assertThat(dates)
        .contains(
            date("2025-12-25"),
            date("2025-12-26"),
            date("2026-04-03"),
            date("2026-04-06"),
            date("2026-05-04"),
            date("2026-08-31"));
  }

  @Test
  void parsesTheGovernmentShape() {
    String json =
        """
        {"england-and-wales": {"division": "england-and-wales", "events": [
          {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
          {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true}
        ]},
         "scotland": {"division": "scotland", "events": [{"title": "x", "date": "2026-11-30"}]}}
        """;
    assertThat(BankHolidays.parse(json.getBytes(StandardCharsets.UTF_8)))
        .containsExactlyInAnyOrder(date("2026-12-25"), date("2026-12-28"));
  }

  @Test
  void rejectsABankHolidaysFileThatIsNotJson() {
    assertThatThrownBy(() -> BankHolidays.parse("{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void rejectsABankHolidaysFileWithoutAnEnglandAndWalesEventsList() {
    String noDivision = "{\"scotland\": {\"events\": [{\"date\": \"2026-11-30\"}]}}";
    assertThatThrownBy(() -> BankHolidays.parse(noDivision.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("england-and-wales")
        .hasMessageContaining("events");
    String noEvents = "{\"england-and-wales\": {\"division\": \"england-and-wales\"}}";
    assertThatThrownBy(() -> BankHolidays.parse(noEvents.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("england-and-wales")
        .hasMessageContaining("events");
    String emptyEvents = "{\"england-and-wales\": {\"events\": []}}";
    assertThatThrownBy(() -> BankHolidays.parse(emptyEvents.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("events");
  }

  @Test
  void rejectsABankHolidaysFileWithABadDate() {
    String json =
        "{\"england-and-wales\": {\"events\": [{\"date\": \"2026-12-25\"},"
            + " {\"date\": \"25/12/2026\"}]}}";
    assertThatThrownBy(() -> BankHolidays.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-mm-dd")
        .hasMessageContaining("25/12/2026");
  }

  @Test
  void rejectsABankHolidaysEventWithoutADate() {
    String json = "{\"england-and-wales\": {\"events\": [{\"title\": \"Christmas Day\"}]}}";
    assertThatThrownBy(() -> BankHolidays.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-mm-dd");
  }

  @Test
  void theListSpeaksUntilTheEndOfItsLastYearAndWarnsNinetyDaysBefore() {
    WorkingCalendar c =
        new WorkingCalendar(
            Set.of(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 12, 27)),
            LONDON,
            LocalTime.of(9, 0),
            LocalTime.of(17, 0));
    assertThat(c.knownUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(c.runsOutWithin(LocalDate.of(2027, 10, 1), 90)).isFalse();
    assertThat(c.runsOutWithin(LocalDate.of(2027, 10, 2), 90)).isTrue();
    assertThat(c.runsOutWithin(LocalDate.of(2028, 2, 1), 90)).as("already ended").isTrue();
  }
}
