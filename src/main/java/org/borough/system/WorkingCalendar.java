// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The council's working time: Monday to Friday except England &amp; Wales bank holidays, between
 * the start and end of the working day in the council's zone. SLA clocks and call-in deadlines are
 * counted on it.
 */
public final class WorkingCalendar {

  // Replaced whole when an admin loads a newer list; readers see the old or the new, never half.
  private volatile Set<LocalDate> bankHolidays;
  private final ZoneId zone;
  private final LocalTime dayStart;
  private final LocalTime dayEnd;

  public WorkingCalendar(
      Set<LocalDate> bankHolidays, ZoneId zone, LocalTime dayStart, LocalTime dayEnd) {
    if (!dayEnd.isAfter(dayStart)) {
      throw new IllegalArgumentException("The working day must end after it starts");
    }
    this.bankHolidays = Set.copyOf(bankHolidays);
    this.zone = zone;
    this.dayStart = dayStart;
    this.dayEnd = dayEnd;
  }

  /** Starts using a newer bank holiday list (an admin loaded one). */
  public void useBankHolidays(Set<LocalDate> holidays) {
    if (holidays.isEmpty()) {
      throw new IllegalArgumentException("A bank holiday list cannot be empty");
    }
    this.bankHolidays = Set.copyOf(holidays);
  }

  /** The bank holidays in use, in date order. */
  public java.util.List<LocalDate> bankHolidays() {
    return bankHolidays.stream().sorted().toList();
  }

  /**
   * The last day the list speaks for: the end of the year of its last bank holiday (the government
   * publishes whole years). After it, a bank holiday would count as a working day.
   */
  public LocalDate knownUntil() {
    return bankHolidays.stream()
        .max(LocalDate::compareTo)
        .map(last -> LocalDate.of(last.getYear(), 12, 31))
        .orElseThrow();
  }

  /** True when the list ends within {@code days} of {@code today}, or has ended. */
  public boolean runsOutWithin(LocalDate today, int days) {
    return !today.plusDays(days).isBefore(knownUntil());
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isBankHoliday(LocalDate date) {
    return bankHolidays.contains(date);
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
  }

  /**
   * The {@code days}-th working day after {@code from} ({@code from} itself when 0 and working).
   */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    LocalDate date = from;
    if (days == 0) {
      while (!isWorkingDay(date)) {
        date = date.plusDays(1);
      }
      return date;
    }
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  /** Working days after {@code from} up to and including {@code to}; 0 when {@code to <= from}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** The end of the working day on {@code date}, as an instant. */
  public Instant endOfWorkingDay(LocalDate date) {
    return date.atTime(dayEnd).atZone(zone).toInstant();
  }

  /** Working time that passes between two instants (zero when {@code to} is not after it). */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    ZonedDateTime start = from.atZone(zone);
    ZonedDateTime end = to.atZone(zone);
    Duration total = Duration.ZERO;
    for (LocalDate d = start.toLocalDate(); !d.isAfter(end.toLocalDate()); d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      ZonedDateTime open = d.atTime(dayStart).atZone(zone);
      ZonedDateTime close = d.atTime(dayEnd).atZone(zone);
      ZonedDateTime a = start.isAfter(open) ? start : open;
      ZonedDateTime b = end.isBefore(close) ? end : close;
      if (b.isAfter(a)) {
        total = total.plus(Duration.between(a, b));
      }
    }
    return total;
  }

  /**
   * The instant at which {@code amount} of working time has passed since {@code from}. Time outside
   * working hours does not count, so a clock started on a Saturday starts on Monday.
   */
  public Instant addWorkingTime(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative");
    }
    ZonedDateTime at = from.atZone(zone);
    Duration left = amount;
    LocalDate d = at.toLocalDate();
    while (true) {
      if (isWorkingDay(d)) {
        ZonedDateTime open = d.atTime(dayStart).atZone(zone);
        ZonedDateTime close = d.atTime(dayEnd).atZone(zone);
        ZonedDateTime a = at.isAfter(open) ? at : open;
        if (a.isBefore(close)) {
          Duration available = Duration.between(a, close);
          if (left.compareTo(available) <= 0) {
            return a.plus(left).toInstant();
          }
          left = left.minus(available);
        } else if (left.isZero()) {
          return at.toInstant();
        }
      }
      d = d.plusDays(1);
      at = d.atStartOfDay(zone);
    }
  }
}
