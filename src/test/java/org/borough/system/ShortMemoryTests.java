// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Credential lookups are remembered briefly, only when found, and forgotten on demand. */
class ShortMemoryTests {

  private Instant now = Instant.parse("2026-01-05T10:00:00Z");

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final AtomicInteger lookUps = new AtomicInteger();

  private Optional<String> lookUp(String key) {
    lookUps.incrementAndGet();
    return key.startsWith("known") ? Optional.of("user of " + key) : Optional.empty();
  }

  @Test
  void remembersAFoundAnswerUntilItsTimeIsUp() {
    ShortMemory<String, String> memory = new ShortMemory<>(Duration.ofSeconds(5), clock);

    assertThat(memory.get("known-1", this::lookUp)).contains("user of known-1");
    now = now.plusSeconds(4);
    assertThat(memory.get("known-1", this::lookUp)).contains("user of known-1");
    assertThat(lookUps).hasValue(1);
    now = now.plusSeconds(2);
    assertThat(memory.get("known-1", this::lookUp)).contains("user of known-1");
    assertThat(lookUps).hasValue(2);
  }

  @Test
  void neverRemembersAMissSoANewKeyWorksAtOnce() {
    ShortMemory<String, String> memory = new ShortMemory<>(Duration.ofSeconds(5), clock);

    assertThat(memory.get("unknown", this::lookUp)).isEmpty();
    assertThat(memory.get("unknown", this::lookUp)).isEmpty();
    assertThat(lookUps).hasValue(2);
  }

  @Test
  void forgetsEverythingWhenAskedSoARevokedKeyStopsAtOnce() {
    ShortMemory<String, String> memory = new ShortMemory<>(Duration.ofSeconds(5), clock);
    memory.get("known-1", this::lookUp);

    memory.forget();

    memory.get("known-1", this::lookUp);
    assertThat(lookUps).hasValue(2);
  }
}
