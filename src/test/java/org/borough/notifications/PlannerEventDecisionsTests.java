// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.borough.support.PublishedEvents;
import org.junit.jupiter.api.Test;

/** Notifications have decided, for every event Borough publishes, to plan messages or not. */
class PlannerEventDecisionsTests {

  @Test
  void everyPublishedEventIsPlannedOrPassedOverAndNothingElse() {
    Set<String> decided = new HashSet<>(NotificationPlanner.PLANNED);
    decided.addAll(NotificationPlanner.PASSED_OVER);
    assertThat(decided)
        .as("NotificationPlanner.PLANNED and PASSED_OVER against the published events")
        .containsExactlyInAnyOrderElementsOf(PublishedEvents.byName().keySet());
    assertThat(NotificationPlanner.PLANNED)
        .doesNotContainAnyElementsOf(NotificationPlanner.PASSED_OVER);
  }
}
