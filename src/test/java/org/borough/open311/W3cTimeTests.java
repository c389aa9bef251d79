// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class W3cTimeTests {

  private final W3cTime time = new W3cTime(ZoneId.of("Europe/London"));

  @Test
  void readsW3cDatetimesInTheYearsBoroughReads() {
    assertThat(time.parse("2026-03-27T14:05:00+00:00"))
        .contains(Instant.parse("2026-03-27T14:05:00Z"));
    assertThat(time.parse("2026-03-27")).contains(Instant.parse("2026-03-27T00:00:00Z"));
  }

  /** Before: taken, and sent to a database that holds no such timestamp. */
  @Test
  void refusesYearsNoDatabaseHolds() {
    assertThat(time.parse("+999999999-12-31T00:00:00Z")).isEmpty();
    assertThat(time.parse("-999999999-01-01")).isEmpty();
    assertThat(time.parse("1899-12-31T23:00:00Z")).isEmpty();
    assertThat(time.parse("2200-01-01T00:00:00Z")).isEmpty();
  }
}
