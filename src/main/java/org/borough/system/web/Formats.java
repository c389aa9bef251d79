// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.borough.system.SystemProperties;
import org.borough.system.UkFormats;
import org.springframework.stereotype.Component;

/**
 * Templates show times as {@code ${@fmt.dateTime(i)}}: stored in UTC, shown in the council's zone
 * in the GOV.UK style ('25 November 2026 at 2:05pm').
 */
@Component("fmt")
public class Formats {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter SHORT_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

  private final ZoneId zone;

  Formats(SystemProperties properties) {
    this.zone = properties.zone();
  }

  public String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    var local = instant.atZone(zone);
    return DATE.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
  }

  public String shortDateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    var local = instant.atZone(zone);
    return SHORT_DATE.format(local) + " " + TIME.format(local).toLowerCase(Locale.UK);
  }

  /** The day an instant falls on in the council's zone, as '25 November 2026'. */
  public String day(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(zone));
  }

  public String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public String phone(String e164) {
    return UkFormats.displayPhone(e164);
  }

  /** Seconds as '4 min 30 s'. */
  public String duration(Integer seconds) {
    if (seconds == null) {
      return "";
    }
    int m = seconds / 60;
    int s = seconds % 60;
    return m == 0 ? s + " s" : (s == 0 ? m + " min" : m + " min " + s + " s");
  }
}
