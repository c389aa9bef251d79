// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.borough.support.PublishedEvents;
import org.junit.jupiter.api.Test;

/**
 * Events are stored under declared names that do not change by accident. The list in {@code
 * outbox/event-types.txt} is what is stored in councils' outboxes today: a name dropped from it
 * leaves stored rows no consumer reads.
 */
class EventTypesTests {

  private static final String LIST = "/outbox/event-types.txt";

  @Test
  void everyEventDeclaresAWellFormedName() {
    assertThat(PublishedEvents.byName())
        .isNotEmpty()
        .allSatisfy(
            (name, kind) ->
                assertThat(name)
                    .as(kind.getName())
                    .matches("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+\\.v[1-9][0-9]*"));
  }

  @Test
  void storedNamesAreTheReleasedOnes() throws IOException {
    List<String> released;
    try (InputStream in = getClass().getResourceAsStream(LIST)) {
      released =
          Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
              .filter(l -> !l.isBlank())
              .toList();
    }
    assertThat(PublishedEvents.byName().keySet())
        .as(
            "Event names differ from src/test/resources"
                + LIST
                + ". A new event: add its name. A renamed or removed one: stored rows keep the old"
                + " name, so add a Flyway migration that rewrites outbox_event.event_type (as"
                + " V45__event_type_names.sql does), then update the list.")
        .containsExactlyInAnyOrderElementsOf(released);
  }

  @Test
  void anEventWithoutADeclaredNameIsRefusedNotStoredUnderItsClassName() {
    record Unnamed() implements DomainEvent {
      @Override
      public String aggregateType() {
        return "test";
      }

      @Override
      public String aggregateId() {
        return "x";
      }
    }
    assertThatThrownBy(() -> DomainEvent.typeOf(Unnamed.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@EventType");
  }

  @Test
  void theVersionIsPartOfTheName() {
    @EventType(value = "test.changed", version = 2)
    record Changed() implements DomainEvent {
      @Override
      public String aggregateType() {
        return "test";
      }

      @Override
      public String aggregateId() {
        return "x";
      }
    }
    assertThat(DomainEvent.typeOf(Changed.class)).isEqualTo("test.changed.v2");
  }
}
