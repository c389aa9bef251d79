// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warns, once a day, when the bank holiday list is about to run out: after its last year, SLA
 * clocks would count bank holidays as working days and deadlines would fall a day early. The admin
 * page shows the same warning ({@code /admin/bank-holidays}).
 */
@Component
public class BankHolidayWatch {

  /** How long before the list ends the warnings start. */
  public static final int WARN_DAYS = 90;

  private static final Logger log = LoggerFactory.getLogger(BankHolidayWatch.class);

  private final WorkingCalendar calendar;
  private final Clock clock;

  BankHolidayWatch(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** True when the list ends within {@link #WARN_DAYS} days, or has ended. */
  public boolean runningOut() {
    return calendar.runsOutWithin(LocalDate.now(clock.withZone(calendar.zone())), WARN_DAYS);
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT24H")
  void check() {
    if (runningOut()) {
      log.warn(
          "The bank holidays Borough knows end on {}: load the government's newer"
              + " bank-holidays.json on /admin/bank-holidays (or set BOROUGH_BANK_HOLIDAYS_FILE),"
              + " or SLA clocks after that day will count bank holidays as working days",
          calendar.knownUntil());
    }
  }
}
