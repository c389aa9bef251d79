// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.borough.system.WorkingCalendar;

/**
 * Working-time arithmetic over a fixed span of days, precomputed from the council's {@link
 * WorkingCalendar} so that millions of demo cases can be given plausible response and resolution
 * times cheaply. Due dates themselves come from the real SLA clock; this only places the events
 * around them, always inside working hours.
 */
final class WorkingTime {

  private final long[] dayStart; // epoch second of local midnight, one more than days
  private final long[] open;
  private final long[] close;
  private final long[] before; // working seconds in the days before this one

  WorkingTime(
      WorkingCalendar calendar,
      LocalTime workStart,
      LocalTime workEnd,
      LocalDate from,
      LocalDate to) {
    ZoneId zone = calendar.zone();
    int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    dayStart = new long[days + 1];
    open = new long[days];
    close = new long[days];
    before = new long[days + 1];
    for (int d = 0; d <= days; d++) {
      LocalDate date = from.plusDays(d);
      dayStart[d] = date.atStartOfDay(zone).toEpochSecond();
      if (d == days) {
        break;
      }
      if (calendar.isWorkingDay(date)) {
        open[d] = date.atTime(workStart).atZone(zone).toEpochSecond();
        close[d] = date.atTime(workEnd).atZone(zone).toEpochSecond();
      } else {
        open[d] = dayStart[d];
        close[d] = dayStart[d];
      }
      before[d + 1] = before[d] + (close[d] - open[d]);
    }
  }

  boolean isWorkingTime(Instant at) {
    int d = day(at.getEpochSecond());
    long s = at.getEpochSecond();
    return s >= open[d] && s < close[d];
  }

  /** Working seconds from the start of the span to {@code at}. */
  long position(Instant at) {
    long s = at.getEpochSecond();
    int d = day(s);
    return before[d] + Math.max(0, Math.min(s, close[d]) - open[d]);
  }

  /** The instant {@code amount} of working time after {@code from}. */
  Instant add(Instant from, Duration amount) {
    long target = position(from) + Math.max(1, amount.getSeconds());
    int lo = 0;
    int hi = open.length - 1;
    // The first day whose working time reaches the target.
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (before[mid + 1] >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return Instant.ofEpochSecond(open[lo] + (target - before[lo]));
  }

  Duration between(Instant from, Instant to) {
    return Duration.ofSeconds(Math.max(0, position(to) - position(from)));
  }

  private int day(long epochSecond) {
    int d = (int) Math.floorDiv(epochSecond - dayStart[0], 86_400L);
    d = Math.max(0, Math.min(d, open.length - 1));
    while (d > 0 && epochSecond < dayStart[d]) {
      d--;
    }
    while (d < open.length - 1 && epochSecond >= dayStart[d + 1]) {
      d++;
    }
    return d;
  }
}
