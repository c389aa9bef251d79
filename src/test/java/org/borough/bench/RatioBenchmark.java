// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12's speed side by side: the raw write limit of the PostgreSQL Borough runs on (pgbench
 * inserting a case row, its outbox row and its audit row in one transaction) against Borough's
 * {@code POST /api/v1/cases}, with the same number of clients, one after the other in each round,
 * so that both see the same machine. Prints both rates and their ratio per round and the median.
 *
 * <p>Not a test: run by {@code bench/ratio.sh}, which makes the database, starts Borough on it and
 * passes the pgbench command. Settings: {@code bench.url}, {@code bench.pgbench} (the pgbench
 * command without -c/-T), {@code bench.clients} (8), {@code bench.seconds} (30), {@code
 * bench.warmupSeconds} (60), {@code bench.rounds} (3), {@code bench.residents} (a file of resident
 * ids the cases are raised for), {@code bench.jdbc} (the database, to count rows written per case),
 * {@code bench.serverPid} (Borough's process, for its CPU time and the profile), {@code
 * bench.profileSeconds} (0: after the rounds, this many seconds more of Borough alone under JFR,
 * summarised by {@link JfrTop}), {@code bench.idempotencyKey} (false: true sends a fresh {@code
 * Idempotency-Key} with every case).
 */
class RatioBenchmark {

  static final double TARGET_RATIO = 0.5;

  private final BenchReport out = new BenchReport();

  @Test
  void run() throws Exception {
    String url = BenchReport.setting("bench.url", "http://127.0.0.1:8080");
    String pgbench = BenchReport.setting("bench.pgbench", null);
    int clients = BenchReport.intSetting("bench.clients", 8);
    int seconds = BenchReport.intSetting("bench.seconds", 30);
    int warmup = BenchReport.intSetting("bench.warmupSeconds", 60);
    int rounds = BenchReport.intSetting("bench.rounds", 3);
    int profileSeconds = BenchReport.intSetting("bench.profileSeconds", 0);
    boolean withKey = Boolean.parseBoolean(BenchReport.setting("bench.idempotencyKey", "false"));
    String pidSetting = BenchReport.setting("bench.serverPid", null);
    long serverPid = pidSetting == null ? -1 : Long.parseLong(pidSetting);
    if (pgbench == null) {
      throw new IllegalStateException("-Dbench.pgbench is missing: run bench/ratio.sh");
    }
    List<String> residents =
        Files.readAllLines(Path.of(BenchReport.setting("bench.residents", "residents.txt")))
            .stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("url", url);
    config.put("pgbench", pgbench);
    config.put("clients", clients);
    config.put("seconds", seconds);
    config.put("warmupSeconds", warmup);
    config.put("rounds", rounds);
    config.put("idempotencyKey", withKey);
    out.summary.put("startedAt", Instant.now().toString());
    out.summary.put("config", config);
    out.say("Write speed side by side (issue 12) against " + url + " at " + Instant.now());

    BenchHttp http = new BenchHttp(url);
    http.useToken(BenchCases.token(url, "supervisor", out));
    List<JsonNode> services = BenchCases.services(http);
    ConcurrentLoad.Call raise =
        (rnd, n) -> {
          JsonNode service = services.get(rnd.nextInt(services.size()));
          String resident = residents.get(rnd.nextInt(residents.size()));
          String body = BenchCases.caseJson(service, resident, n);
          return withKey
              ? http.postJson("/api/v1/cases", body, UUID.randomUUID().toString())
              : http.postJson("/api/v1/cases", body);
        };
    WrittenRows rows = WrittenRows.connect(BenchReport.setting("bench.jdbc", null));

    out.say(String.format(Locale.UK, "Warm-up: %d s of case creation, not counted", warmup));
    ConcurrentLoad.run("warm-up", clients, warmup, 201, raise);

    List<Map<String, Object>> results = new ArrayList<>();
    double[] ratios = new double[rounds];
    double[] raw = new double[rounds];
    double[] borough = new double[rounds];
    for (int round = 1; round <= rounds; round++) {
      out.section(String.format(Locale.UK, "Round %d of %d", round, rounds));
      settle(serverPid);
      CpuUse before = CpuUse.now(serverPid);
      Pgbench.Result pg = Pgbench.run(pgbench, clients, seconds);
      CpuUse afterRaw = CpuUse.now(serverPid);
      out.say(
          String.format(
              Locale.UK,
              "  (a) raw: pgbench, %d clients, %d s: %.0f transactions/s, latency %.2f ms; %s",
              clients,
              seconds,
              pg.tps(),
              pg.latencyMs(),
              afterRaw.since(before)));
      WrittenRows.Counts countsBefore = rows.counts();
      ConcurrentLoad.Outcome api =
          ConcurrentLoad.run("POST /api/v1/cases", clients, seconds, 201, raise);
      CpuUse afterApi = CpuUse.now(serverPid);
      WrittenRows.Counts written = countsBefore == null ? null : rows.counts().minus(countsBefore);
      out.say(
          String.format(
              Locale.UK,
              "  (b) Borough: POST /api/v1/cases, %d clients, %d s: %.0f cases/s; %s",
              clients,
              seconds,
              api.perSecond(),
              afterApi.since(afterRaw)));
      api.lines("cases created").forEach(out::say);
      if (written != null) {
        out.say("  per case: " + written.perCase(api.succeeded()));
      }
      raw[round - 1] = pg.tps();
      borough[round - 1] = api.perSecond();
      ratios[round - 1] = api.perSecond() / pg.tps();
      out.say(String.format(Locale.UK, "  ratio: Borough / raw = %.1f%%", 100 * ratios[round - 1]));
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("rawTransactionsPerSecond", Latencies.round(pg.tps()));
      r.put("rawLatencyMs", Latencies.round(pg.latencyMs()));
      r.put("rawCpu", afterRaw.since(before).summary());
      r.put("borough", api.summary(clients, "created", "casesPerSecond"));
      r.put("boroughCpu", afterApi.since(afterRaw).summary());
      if (written != null) {
        r.put("rowsPerCase", written.perCaseMap(api.succeeded()));
      }
      r.put("ratio", Latencies.round(ratios[round - 1]));
      results.add(r);
    }
    out.summary.put("rounds", results);
    double median = median(ratios);
    out.summary.put("medianRawTransactionsPerSecond", Latencies.round(median(raw)));
    out.summary.put("medianCasesPerSecond", Latencies.round(median(borough)));
    out.summary.put("medianRatio", Latencies.round(median));
    out.section(
        String.format(
            Locale.UK,
            "Median of %d rounds: raw %.0f transactions/s, Borough %.0f cases/s, ratio %.1f%%",
            rounds,
            median(raw),
            median(borough),
            100 * median));
    out.target("Borough / raw", Latencies.round(median), TARGET_RATIO, false);
    out.verdict("Target (issue 12)");

    if (profileSeconds > 0 && serverPid > 0) {
      profile(serverPid, clients, profileSeconds, raise);
    }
    rows.close();
    out.summary.put("finishedAt", Instant.now().toString());
    out.write("ratio");
  }

  /**
   * Waits (up to a minute) until Borough is idle: the work a burst of cases leaves behind it (the
   * notifications planned from the outbox, the JIT compiler) must not be counted against the raw
   * side that follows.
   */
  private void settle(long pid) throws Exception {
    if (pid <= 0) {
      return;
    }
    long started = System.nanoTime();
    CpuUse last = CpuUse.now(pid);
    for (int i = 0; i < 30; i++) {
      Thread.sleep(2000);
      CpuUse now = CpuUse.now(pid);
      double busy = now.since(last).server() / 2.0;
      last = now;
      if (busy < 0.1) {
        break;
      }
    }
    out.say(
        String.format(
            Locale.UK, "  Borough idle after %.0f s", (System.nanoTime() - started) / 1e9));
  }

  /** Borough alone for {@code seconds} more under JFR, and where its CPU went. */
  private void profile(long pid, int clients, int seconds, ConcurrentLoad.Call raise)
      throws Exception {
    Path recording =
        Path.of(System.getProperty("borough.build.dir", "target"), "bench", "ratio.jfr")
            .toAbsolutePath();
    Files.createDirectories(recording.getParent());
    Files.deleteIfExists(recording);
    jcmd(pid, "JFR.start", "name=ratio", "settings=profile", "filename=" + recording);
    ConcurrentLoad.Outcome o = ConcurrentLoad.run("profiled", clients, seconds, 201, raise);
    jcmd(pid, "JFR.stop", "name=ratio");
    out.section(
        String.format(
            Locale.UK,
            "Profile: %d s of POST /api/v1/cases under JFR (%.0f cases/s), %s",
            seconds,
            o.perSecond(),
            recording));
    JfrTop.summarise(recording, 25).forEach(out::say);
  }

  private static void jcmd(long pid, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
