// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

  @Test
  void idsAreVersionSevenAndSortByTheMillisecondTheyWereMade() {
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(Ids.next());
      long now = System.currentTimeMillis();
      while (System.currentTimeMillis() == now) {
        Thread.onSpinWait(); // until the next millisecond, which the next id must be later by
      }
    }
    assertThat(made).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    // As both databases order them: unsigned, most significant half first.
    List<UUID> sorted = new ArrayList<>(made);
    sorted.sort(
        (a, b) -> {
          int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
          return high != 0
              ? high
              : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        });
    assertThat(sorted).containsExactlyElementsOf(made);
    assertThat(made.get(4).getMostSignificantBits() >>> 16)
        .as("the first 48 bits are the time in milliseconds")
        .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
  }
}
