// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import java.util.Set;

/**
 * A service's target: {@code target} working days or working hours from when a case is opened. The
 * clock stops while a case is in one of {@code pauseStatuses} (case status names), and the case is
 * 'at risk' once {@code warningPercent} of the target has passed.
 */
public record SlaPolicy(int target, Unit unit, int warningPercent, Set<String> pauseStatuses) {

  public enum Unit {
    WORKING_DAYS,
    WORKING_HOURS
  }

  public SlaPolicy {
    if (target <= 0) {
      throw new IllegalArgumentException("An SLA target must be positive");
    }
    if (warningPercent < 1 || warningPercent > 100) {
      throw new IllegalArgumentException("The warning threshold is a percentage, 1 to 100");
    }
    pauseStatuses = Set.copyOf(pauseStatuses);
  }

  public String describe() {
    return target
        + (unit == Unit.WORKING_DAYS ? " working day" : " working hour")
        + (target == 1 ? "" : "s");
  }
}
