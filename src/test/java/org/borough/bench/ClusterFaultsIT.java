// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.borough.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The short run of issue 12's cluster faults ({@link ClusterFaults}): two nodes on a PostgreSQL of
 * the test's own behind HAProxy, under mixed writes; a node killed, PostgreSQL crashed, a rolling
 * restart; nothing acknowledged lost, nothing duplicated, no email sent twice, both warehouses
 * agreeing. Runs once, in the PostgreSQL pass (the H2 pass has one process: {@link CrashSafetyIT}
 * kills it). In CI a missing HAProxy or PostgreSQL fails the run; {@code bench/faults.sh --cluster}
 * is the long version.
 */
class ClusterFaultsIT {

  @Test
  void twoNodesBehindHaproxyLoseNothingThroughKillsAndRestarts() throws Exception {
    Assumptions.assumeTrue(TestDatabase.postgres(), "the cluster runs in the PostgreSQL pass");
    if (!TestDatabase.required()) {
      Assumptions.assumeTrue(LoadBalancer.available(), "HAProxy is not installed");
      Assumptions.assumeTrue(PrivatePostgres.available(), "PostgreSQL is not installed");
    }
    Path dir = Path.of("target", "it-data", "cluster-" + UUID.randomUUID()).toAbsolutePath();
    Duration under = Duration.ofSeconds(6);
    try (ClusterFaults cluster = new ClusterFaults(dir)) {
      cluster.start(4);
      List<ClusterFaults.Phase> phases =
          List.of(
              cluster.killOneNode(under),
              cluster.restartPostgres(under),
              cluster.rollingRestart(under));
      phases.forEach(p -> System.out.println("cluster faults: " + p.report()));
      assertThat(phases).allSatisfy(p -> assertThat(p.broken()).as(p.report()).isZero());
      assertThat(cluster.acknowledged())
          .as("every kind of write was made and acknowledged")
          .containsOnlyKeys(MixedLoad.Kind.values())
          .allSatisfy((kind, n) -> assertThat(n).isPositive());
    }
  }
}
