// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.borough.system.Inputs;

/**
 * Open311's datetimes: the W3C profile of ISO 8601. Output always carries the council's offset
 * ({@code 2026-03-27T14:05:00+00:00}); input may have an offset or not (then it is the council's
 * local time), and may be a bare date (midnight, local time).
 */
final class W3cTime {

  private static final DateTimeFormatter OUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  /** '+01:00' sent unencoded in a query string arrives as ' 01:00'. */
  private static final Pattern LOST_PLUS = Pattern.compile("(.*T[0-9:.]+) ([0-9]{2}:?[0-9]{2})$");

  private final ZoneId zone;

  W3cTime(ZoneId zone) {
    this.zone = zone;
  }

  String format(Instant instant) {
    return instant == null
        ? null
        : OUT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }

  /**
   * The instant a W3C datetime names, or empty when it is not one or falls outside the years
   * Borough reads ({@link Inputs#EARLIEST_DATE} to {@link Inputs#LATEST_DATE}): the parsers take
   * '+999999999-12-31', which no database timestamp holds.
   */
  Optional<Instant> parse(String text) {
    Instant earliest = Inputs.EARLIEST_DATE.atStartOfDay(zone).toInstant();
    Instant latest = Inputs.LATEST_DATE.plusDays(1).atStartOfDay(zone).toInstant();
    return parseAny(text).filter(t -> !t.isBefore(earliest) && t.isBefore(latest));
  }

  private Optional<Instant> parseAny(String text) {
    if (text == null || text.isBlank() || text.length() > 40) {
      return Optional.empty();
    }
    String s = text.trim();
    var lost = LOST_PLUS.matcher(s);
    if (lost.matches()) {
      s = lost.group(1) + "+" + lost.group(2);
    }
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      // no offset: try local forms below
    }
    try {
      return Optional.of(LocalDateTime.parse(s).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      // not a local datetime either
    }
    try {
      return Optional.of(LocalDate.parse(s).atStartOfDay(zone).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
