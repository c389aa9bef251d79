// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.borough.support.PublishedEvents;
import org.junit.jupiter.api.Test;

/** The warehouse has decided, for every event Borough publishes, to fold it or to skip it. */
class WarehouseEventDecisionsTests {

  @Test
  void everyPublishedEventIsHandledOrIgnoredAndNothingElse() {
    Set<String> decided = new HashSet<>(LoadedEvent.HANDLED.keySet());
    decided.addAll(LoadedEvent.IGNORED);
    assertThat(decided)
        .as("LoadedEvent.HANDLED and IGNORED against the published events")
        .containsExactlyInAnyOrderElementsOf(PublishedEvents.byName().keySet());
    assertThat(LoadedEvent.HANDLED.keySet()).doesNotContainAnyElementsOf(LoadedEvent.IGNORED);
  }
}
