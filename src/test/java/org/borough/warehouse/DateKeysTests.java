// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateKeysTests {

  private static final String[] ZONES = {
    "Europe/London",
    "UTC",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Pacific/Apia"
  };

  private static int expected(Instant at, ZoneId zone) {
    LocalDate d = at.atZone(zone).toLocalDate();
    return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  @Test
  void agreesWithTheZoneRulesAtRandomInstants() {
    Random random = new Random(20261126);
    for (String name : ZONES) {
      ZoneId zone = ZoneId.of(name);
      DateKeys keys = DateKeys.of(zone);
      for (int i = 0; i < 200_000; i++) {
        // 1950 to 2120: before, inside and after the days it remembers.
        Instant at = Instant.ofEpochSecond(-631_152_000L + (long) (random.nextDouble() * 5.4e9));
        assertThat(keys.key(at)).as(name + " " + at).isEqualTo(expected(at, zone));
        assertThat(keys.date(at)).as(name + " " + at).isEqualTo(at.atZone(zone).toLocalDate());
      }
    }
  }

  @Test
  void agreesAroundEveryTransitionAndMidnight() {
    for (String name : ZONES) {
      ZoneId zone = ZoneId.of(name);
      DateKeys keys = DateKeys.of(zone);
      Instant at = Instant.parse("1999-12-31T00:00:00Z");
      ZoneOffsetTransition t;
      while ((t = zone.getRules().nextTransition(at)) != null
          && t.getInstant().isBefore(Instant.parse("2040-01-01T00:00:00Z"))) {
        Instant edge = t.getInstant();
        for (long s = -7_200; s <= 7_200; s += 599) {
          Instant near = edge.plusSeconds(s);
          assertThat(keys.key(near)).as(name + " " + near).isEqualTo(expected(near, zone));
        }
        at = edge;
      }
      for (Instant midnight = Instant.parse("2026-01-01T00:00:00Z");
          midnight.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
          midnight = midnight.plusSeconds(86_400)) {
        for (long s : new long[] {-1, 0, 1, 3_599, 3_600, 82_799, 82_800}) {
          Instant near = midnight.plusSeconds(s);
          assertThat(keys.key(near)).as(name + " " + near).isEqualTo(expected(near, zone));
        }
      }
    }
  }
}
