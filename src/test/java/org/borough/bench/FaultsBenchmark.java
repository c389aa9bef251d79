// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The long crash run of issue 12, for {@code bench/faults.sh}: one Borough on the embedded default
 * (or on PostgreSQL with {@code -Dbench.postgres=true}) killed with SIGKILL under load {@code
 * bench.cycles} times (10), after {@code bench.seconds} (20) of posting by {@code bench.clients}
 * (8). After each kill every acknowledged reference is looked for in the database and the warehouse
 * must agree with the CRM again within 60 s. Not a test: {@code ./mvnw verify} runs the short
 * version, {@link CrashSafetyIT}.
 */
class FaultsBenchmark {

  @Test
  void run() throws Exception {
    if (Boolean.parseBoolean(BenchReport.setting("bench.cluster", "false"))) {
      cluster();
      return;
    }
    int cycles = BenchReport.intSetting("bench.cycles", 10);
    int seconds = BenchReport.intSetting("bench.seconds", 20);
    int clients = BenchReport.intSetting("bench.clients", 8);
    boolean postgres = Boolean.parseBoolean(BenchReport.setting("bench.postgres", "false"));
    BenchReport out = new BenchReport();
    Path dataDir = Path.of(BenchReport.setting("bench.dataDir", "target/bench/faults-data"));
    out.say(
        "Borough killed with SIGKILL under load, "
            + cycles
            + " times, on "
            + (postgres ? "PostgreSQL" : "the embedded H2 default"));
    long acknowledged = 0;
    long down = 0;
    long lost = 0;
    List<Map<String, Object>> runs = new ArrayList<>();
    try (CrashScenario scenario = new CrashScenario(dataDir.toAbsolutePath(), postgres)) {
      for (int i = 1; i <= cycles; i++) {
        CrashRun.Outcome crash = scenario.crash(clients, Duration.ofSeconds(seconds));
        long started = System.nanoTime();
        scenario.restartAndAwaitAgreement(Duration.ofSeconds(60));
        double agreedAfter = (System.nanoTime() - started) / 1e9;
        out.say(
            String.format(
                java.util.Locale.UK,
                "cycle %d: %s; warehouse agreed %.1f s after the restart began",
                i,
                crash.report(),
                agreedAfter));
        acknowledged += crash.acknowledged().size();
        down += crash.failedWhileDown();
        lost += crash.lost().size() + crash.withoutEvent().size() + crash.duplicates().size();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("acknowledged", crash.acknowledged().size());
        run.put("failedWhileDown", crash.failedWhileDown());
        run.put("lost", crash.lost().size());
        run.put("withoutEvent", crash.withoutEvent().size());
        run.put("duplicates", crash.duplicates().size());
        run.put("warehouseAgreedSeconds", Latencies.round(agreedAfter));
        runs.add(run);
        scenario.server().stop(); // the next cycle starts it again
      }
    }
    out.summary.put("cycles", runs);
    out.summary.put("acknowledged", acknowledged);
    out.summary.put("failedWhileDown", down);
    out.summary.put("lostOrBroken", lost);
    out.say(
        String.format(
            "In all: acknowledged %d, failed while down %d, lost %d (must be 0)",
            acknowledged, down, lost));
    out.write("faults");
    if (lost > 0) {
      throw new AssertionError(lost + " acknowledged writes were lost or broken");
    }
  }

  /**
   * {@code -Dbench.cluster=true}: two nodes behind HAProxy on a PostgreSQL of the run's own, under
   * mixed writes from {@code bench.clients} (8) clients; {@code bench.cycles} (3) rounds of a node
   * killed, PostgreSQL crashed, a rolling restart, with {@code bench.seconds} (20) of load around
   * each fault.
   */
  private void cluster() throws Exception {
    int cycles = BenchReport.intSetting("bench.cycles", 3);
    Duration under = Duration.ofSeconds(BenchReport.intSetting("bench.seconds", 20));
    int clients = BenchReport.intSetting("bench.clients", 8);
    BenchReport out = new BenchReport();
    Path dir = Path.of(BenchReport.setting("bench.dataDir", "target/bench/faults-data"));
    out.say(
        "Two Borough nodes behind HAProxy on PostgreSQL, "
            + clients
            + " clients of mixed writes, "
            + cycles
            + " rounds of: a node killed, PostgreSQL crashed, a rolling restart");
    long broken = 0;
    List<Map<String, Object>> phases = new ArrayList<>();
    try (ClusterFaults faults = new ClusterFaults(dir.toAbsolutePath())) {
      faults.start(clients);
      for (int i = 1; i <= cycles; i++) {
        for (ClusterFaults.Phase p :
            List.of(
                faults.killOneNode(under),
                faults.restartPostgres(under),
                faults.rollingRestart(under))) {
          out.say("round " + i + ", " + p.report());
          broken += p.broken();
          Map<String, Object> phase = new LinkedHashMap<>();
          phase.put("round", i);
          phase.put("fault", p.fault());
          phase.put("broken", p.broken());
          phases.add(phase);
        }
      }
      out.summary.put("acknowledged", faults.acknowledged());
      out.summary.put("failedWhileDown", faults.failed());
      out.say(
          "In all: acknowledged "
              + faults.acknowledged()
              + ", failed while down "
              + faults.failed()
              + ", lost, duplicated or sent twice "
              + broken
              + " (must be 0)");
    }
    out.summary.put("phases", phases);
    out.summary.put("broken", broken);
    out.write("faults-cluster");
    if (broken > 0) {
      throw new AssertionError(broken + " promises were broken");
    }
  }
}
