// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The day of an instant in one zone, as a date key (yyyymmdd) or a date, without building a
 * ZonedDateTime for each. A rebuild asks for five per case and one per status change and contact,
 * tens of millions in all, and the zone's rules (a map looked up by year on every call) took a
 * tenth of its time. The offset is remembered per UTC day and the key per local day; a UTC day with
 * a transition in it is never remembered, so every answer is the zone rules' own.
 */
final class DateKeys {

  private static final Map<ZoneId, DateKeys> BY_ZONE = new ConcurrentHashMap<>();

  /** Days remembered: from 1 January 1970 to the end of 2099; others are worked out each time. */
  private static final int DAYS = (int) LocalDate.of(2100, 1, 1).toEpochDay();

  private static final int UNKNOWN = Integer.MIN_VALUE;
  private static final int TRANSITION = Integer.MAX_VALUE;

  private final ZoneId zone;
  private final ZoneRules rules;
  // Filled as asked for, by any thread: each value is a pure function of its index, so a race
  // can only write the same value twice.
  private final int[] offsetByUtcDay = new int[DAYS];
  private final int[] keyByLocalDay = new int[DAYS + 1];

  private DateKeys(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    Arrays.fill(offsetByUtcDay, UNKNOWN);
  }

  static DateKeys of(ZoneId zone) {
    return BY_ZONE.computeIfAbsent(zone, DateKeys::new);
  }

  /** The date key of the instant's day in the zone. */
  int key(Instant at) {
    long day = localEpochDay(at);
    if (day < 0 || day > DAYS) {
      return Rows.dateKey(LocalDate.ofEpochDay(day));
    }
    int key = keyByLocalDay[(int) day];
    if (key == 0) {
      key = Rows.dateKey(LocalDate.ofEpochDay(day));
      keyByLocalDay[(int) day] = key;
    }
    return key;
  }

  /** The instant's day in the zone. */
  LocalDate date(Instant at) {
    return LocalDate.ofEpochDay(localEpochDay(at));
  }

  private long localEpochDay(Instant at) {
    long seconds = at.getEpochSecond();
    long utcDay = Math.floorDiv(seconds, 86_400);
    if (utcDay < 0 || utcDay >= DAYS) {
      return at.atZone(zone).toLocalDate().toEpochDay();
    }
    int offset = offsetByUtcDay[(int) utcDay];
    if (offset == UNKNOWN) {
      offset = offsetThroughout(utcDay);
      offsetByUtcDay[(int) utcDay] = offset;
    }
    if (offset == TRANSITION) {
      return at.atZone(zone).toLocalDate().toEpochDay();
    }
    return Math.floorDiv(seconds + offset, 86_400);
  }

  /** The zone's offset all through a UTC day, or TRANSITION when it changes during it. */
  private int offsetThroughout(long utcDay) {
    Instant start = Instant.ofEpochSecond(utcDay * 86_400);
    ZoneOffsetTransition next = rules.nextTransition(start.minusSeconds(1));
    if (next != null && next.toEpochSecond() < (utcDay + 1) * 86_400) {
      return TRANSITION;
    }
    return rules.getOffset(start).getTotalSeconds();
  }
}
