// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.borough.system.Inputs;
import org.junit.jupiter.api.Test;

class DecisionQueryTests {

  /** Before: '+999999999-12-31' went to the database, which holds no such date. */
  @Test
  void datesOutsideTheYearsBoroughReadsAreClampedToThem() {
    DecisionQuery q =
        new DecisionQuery(
            LocalDate.of(-999_999_999, 1, 1), LocalDate.MAX, null, false, null, null, 0, 50);
    assertThat(q.from()).isEqualTo(Inputs.EARLIEST_DATE);
    assertThat(q.to()).isEqualTo(Inputs.LATEST_DATE);
    LocalDate day = LocalDate.of(2017, 12, 15);
    assertThat(new DecisionQuery(day, day, null, false, null, null, 0, 50).from()).isEqualTo(day);
  }
}
