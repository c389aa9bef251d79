// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's soak run, for {@code bench/soak.sh}: Borough's jar on a fresh database, a steady mixed
 * load at {@code soak.rate} requests a second (50) for {@code soak.minutes} (30) after {@code
 * soak.warmupSeconds} (60), probed every minute; prints the per-minute table and a verdict per
 * criterion ({@link SoakVerdict}). Settings: {@code soak.postgres} (false: the embedded H2
 * default), {@code soak.residents} (2000) and {@code soak.cases} (10000) of demo data, {@code
 * soak.outboxRetentionSeconds} (60: the outbox's retention, pruned every half of it), {@code
 * soak.dataDir}. Not a test: {@link SoakIT} is the short version {@code ./mvnw verify} runs.
 */
class SoakBenchmark {

  @Test
  void run() throws Exception {
    int minutes = BenchReport.intSetting("soak.minutes", 30);
    int rate = BenchReport.intSetting("soak.rate", 50);
    int warmup = BenchReport.intSetting("soak.warmupSeconds", 60);
    boolean postgres = Boolean.parseBoolean(BenchReport.setting("soak.postgres", "false"));
    int residents = BenchReport.intSetting("soak.residents", 2000);
    int cases = BenchReport.intSetting("soak.cases", 10000);
    // Short, so the outbox is at its steady size within the first minutes the verdict compares.
    int outboxRetention = BenchReport.intSetting("soak.outboxRetentionSeconds", 60);
    Path dataDir = Path.of(BenchReport.setting("soak.dataDir", "target/bench/soak-data"));
    BenchReport out = new BenchReport();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("minutes", minutes);
    config.put("perSecond", rate);
    config.put("warmupSeconds", warmup);
    config.put("database", postgres ? "PostgreSQL" : "H2 (embedded default)");
    config.put("demoResidents", residents);
    config.put("demoCases", cases);
    config.put("outboxRetentionSeconds", outboxRetention);
    config.put("cores", Runtime.getRuntime().availableProcessors());
    out.summary.put("startedAt", Instant.now().toString());
    out.summary.put("config", config);
    out.say(
        String.format(
            "Soak: %d requests/s mixed for %d minutes (after %d s of warm-up) on %s",
            rate, minutes, warmup, config.get("database")));
    SoakRun.Result result;
    try (SoakServer server =
        new SoakServer(
            dataDir.toAbsolutePath(),
            postgres,
            residents,
            cases,
            Duration.ofSeconds(outboxRetention))) {
      result =
          SoakRun.run(
              server.start(), rate, Duration.ofSeconds(warmup), minutes, Duration.ofMinutes(1));
    }
    out.section("Per minute (heap after a full GC; conns = Hikari active/open)");
    SoakVerdict.table(result).forEach(out::say);
    out.section("By kind of request, whole run after the warm-up");
    out.say(Latencies.header());
    Map<String, Object> kinds = new LinkedHashMap<>();
    result
        .load()
        .byKind()
        .values()
        .forEach(
            l -> {
              out.say(l.line());
              kinds.put(l.name(), l.summary());
            });
    out.summary.put("byKind", kinds);
    out.summary.put("errorSamples", result.load().errorSamples());
    result.load().errorSamples().forEach(e -> out.say("  error: " + e));
    SoakVerdict verdict = new SoakVerdict(result.windows());
    out.section(
        "Verdict (median of the first "
            + verdict.windowsCompared()
            + " minutes against the last "
            + verdict.windowsCompared()
            + ")");
    Map<String, Object> criteria = new LinkedHashMap<>();
    for (SoakVerdict.Criterion c : verdict.all()) {
      out.say(c.line());
      criteria.put(c.name(), Map.of("first", c.first(), "last", c.last(), "met", c.met()));
    }
    out.summary.put("criteria", criteria);
    out.write("soak");
  }
}
