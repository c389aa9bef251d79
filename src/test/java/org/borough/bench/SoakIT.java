// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.borough.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code bench/soak.sh} (issue 12): 72 seconds of the same steady mixed load
 * at 50 requests a second against Borough's jar, probed every 12 seconds, the first two windows
 * compared with the last two (the long run compares five with five). Every request must succeed,
 * threads, pooled connections and open files must not grow, and the outbox (its rows kept 10
 * seconds) must be pruned as it goes and hold as many rows at the end as at the start. Latency and
 * heap are only printed: two minutes on a shared machine say nothing about them, and no test here
 * asserts a time.
 */
class SoakIT {

  @Test
  void holdsASteadyMixedLoadWithoutGrowingThreadsConnectionsOrFiles() throws Exception {
    if (TestDatabase.postgres()) {
      Assumptions.assumeTrue(
          TestDatabase.postgresUrl() != null,
          () -> "PostgreSQL unreachable, skipping: " + TestDatabase.unavailableReason());
    }
    Path dataDir = Path.of("target", "it-data", "soak-" + UUID.randomUUID()).toAbsolutePath();
    SoakRun.Result result;
    try (SoakServer server =
        new SoakServer(dataDir, TestDatabase.postgres(), 200, 1000, Duration.ofSeconds(10))) {
      result = SoakRun.run(server.start(), 50, Duration.ofSeconds(15), 6, Duration.ofSeconds(12));
    }
    SoakVerdict.table(result).forEach(System.out::println);
    SoakVerdict verdict = new SoakVerdict(result.windows());
    verdict.all().forEach(c -> System.out.println(c.line()));

    long sent = result.windows().stream().mapToLong(w -> w.latencies().count()).sum();
    long failed = result.windows().stream().mapToLong(w -> w.latencies().errors()).sum();
    assertThat(sent).as("requests measured").isGreaterThan(6 * 12 * 50 * 9 / 10);
    assertThat(failed).as("failed requests: %s", result.load().errorSamples()).isZero();
    ServerProbe.Sample end = result.windows().get(result.windows().size() - 1).sample();
    assertThat(end.outboxRowsPruned()).as("outbox rows pruned during the run").isPositive();
    for (SoakVerdict.Criterion c : verdict.resources()) {
      assertThat(c.met()).as(c.line()).isTrue();
    }
  }
}
