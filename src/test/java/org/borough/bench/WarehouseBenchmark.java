// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.system.BankHolidays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The warehouse benchmark from issue 4 ("Speed"), against a running Borough whose warehouse was
 * rebuilt from the CRM just before (the script times that rebuild):
 *
 * <ol>
 *   <li>the overview dashboard's whole query set — its KPIs through {@code /api/v1/kpis/{kpi}}, one
 *       after the other — and the same KPIs computed straight from the CRM's tables on PostgreSQL
 *       ({@code bench/overview-on-postgres.sql}), with the ratio of the two;
 *   <li>freshness: while the CRM takes {@code bench.writesPerSecond} (100) new cases a second
 *       through the JSON API, a probe raises a case of a service no one else uses and times how
 *       long after its commit the KPI JSON counts it.
 * </ol>
 *
 * <p>Not a test ({@code ./mvnw verify} never runs it) and it asserts nothing about time. Run it
 * with {@code BENCH_HARNESS=WarehouseBenchmark bench/run-crm-benchmark.sh}. Settings: {@code
 * bench.jdbc} (the CRM's PostgreSQL URL), {@code bench.overviewRuns} (20), {@code
 * bench.postgresRuns} (5), {@code bench.writesPerSecond} (100), {@code bench.probes} (60).
 */
class WarehouseBenchmark {

  static final double TARGET_OVERVIEW_MS = 1000;
  static final double TARGET_RATIO = 20;
  static final double TARGET_FRESHNESS_P95_MS = 5000;
  static final List<String> OVERVIEW =
      List.of(
          "volume-by-month", "sla-compliance", "backlog-ageing", "reopen-rate", "volume-by-team");
  private static final ZoneId ZONE = ZoneId.of("Europe/London");
  private static final Pattern PARAM = Pattern.compile("(?<!:):(from|to|now|holidays)\\b");

  private final BenchReport out = new BenchReport();
  private final ObjectMapper json = new ObjectMapper();
  private BenchHttp http;

  @Test
  void run() throws Exception {
    String url = BenchReport.setting("bench.url", "http://127.0.0.1:8080");
    String jdbc = BenchReport.setting("bench.jdbc", null);
    if (jdbc == null) {
      throw new IllegalStateException("Give the CRM's database: -Dbench.jdbc=jdbc:postgresql://…");
    }
    http = new BenchHttp(url);
    http.useToken(BenchCases.token(url, "supervisor", out));
    out.say("Borough warehouse benchmark against " + url + " and " + jdbc);

    LocalDate today = LocalDate.now(ZONE);
    LocalDate from = today.withDayOfMonth(1).minusMonths(11);
    overview(BenchReport.intSetting("bench.overviewRuns", 20));
    try (Connection pg = DriverManager.getConnection(jdbc, "postgres", "")) {
      onPostgres(pg, from, today, BenchReport.intSetting("bench.postgresRuns", 5));
    }
    double duck = (Double) out.pathOf("overview", "p50Ms");
    double postgres = (Double) out.pathOf("overviewOnPostgres", "p50Ms");
    out.say(String.format(Locale.UK, "ratio PostgreSQL / warehouse (p50): %.1f×", postgres / duck));
    out.summary.put("ratio", Latencies.round(postgres / duck));

    freshness(
        BenchReport.intSetting("bench.writesPerSecond", 100),
        BenchReport.intSetting("bench.probes", 60));

    out.target("overviewP95", out.pathOf("overview", "p95Ms"), TARGET_OVERVIEW_MS, true);
    out.target("postgresOverWarehouse", out.pathOf("ratio"), TARGET_RATIO, false);
    out.target("freshnessP95", out.pathOf("freshness", "p95Ms"), TARGET_FRESHNESS_P95_MS, true);
    out.verdict("Targets (issue 4)");
    out.write("warehouse");
  }

  // --- (a) the overview's query set, through the KPI API -------------------------------------

  private void overview(int runs) throws IOException, InterruptedException {
    Latencies set = new Latencies("overview's " + OVERVIEW.size() + " KPIs, one after another");
    for (int i = -3; i < runs; i++) { // three warm-ups
      long t0 = System.nanoTime();
      boolean ok = true;
      for (String kpi : OVERVIEW) {
        HttpResponse<String> r = http.getJson("/api/v1/kpis/" + kpi);
        ok &= r.statusCode() == 200;
      }
      if (i >= 0) {
        set.record(System.nanoTime() - t0, ok);
      }
    }
    out.section("(a) The overview dashboard's query set from the warehouse (KPI JSON, sequential)");
    out.say(Latencies.header());
    out.say(set.line());
    out.summary.put("overview", set.summary());
  }

  private void onPostgres(Connection pg, LocalDate from, LocalDate to, int runs) throws Exception {
    List<String> statements = statements();
    Array holidays =
        pg.createArrayOf(
            "date", BankHolidays.bundled().stream().map(java.sql.Date::valueOf).toArray());
    Latencies set = new Latencies("the same KPIs on the CRM's tables");
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (int i = -1; i < runs; i++) { // one warm-up
      long t0 = System.nanoTime();
      for (int q = 0; q < statements.size(); q++) {
        rows.put(OVERVIEW.get(q), run(pg, statements.get(q), from, to, holidays));
      }
      if (i >= 0) {
        set.record(System.nanoTime() - t0, true);
      }
    }
    out.section(
        "(a') The same KPIs straight from the CRM's tables on PostgreSQL (JDBC, sequential)");
    out.say(Latencies.header());
    out.say(set.line());
    out.say("rows per KPI: " + rows);
    Map<String, Object> s = new LinkedHashMap<>(set.summary());
    s.put("rows", rows);
    out.summary.put("overviewOnPostgres", s);
  }

  private static int run(Connection pg, String sql, LocalDate from, LocalDate to, Array holidays)
      throws Exception {
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(sql);
    while (m.find()) {
      names.add(m.group(1));
    }
    try (PreparedStatement ps = pg.prepareStatement(PARAM.matcher(sql).replaceAll("?"))) {
      for (int i = 0; i < names.size(); i++) {
        switch (names.get(i)) {
          case "from" -> ps.setObject(i + 1, from);
          case "to" -> ps.setObject(i + 1, to);
          case "now" -> ps.setTimestamp(i + 1, Timestamp.from(Instant.now()));
          default -> ps.setArray(i + 1, holidays);
        }
      }
      int n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
      return n;
    }
  }

  private static List<String> statements() throws IOException {
    try (InputStream in =
        WarehouseBenchmark.class.getResourceAsStream("/bench/overview-on-postgres.sql")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> statements = new ArrayList<>();
      for (String part : text.split("(?m)^;\\s*$")) {
        String sql =
            part.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        if (!sql.isBlank()) {
          statements.add(sql);
        }
      }
      if (statements.size() != OVERVIEW.size()) {
        throw new IllegalStateException("overview-on-postgres.sql must hold one query per KPI");
      }
      return statements;
    }
  }

  // --- (b) freshness under load --------------------------------------------------------------

  private void freshness(int writesPerSecond, int probes) throws Exception {
    List<JsonNode> services = BenchCases.services(http);
    JsonNode probe = services.get(services.size() - 1);
    List<JsonNode> others = services.subList(0, services.size() - 1);
    String code = probe.path("code").asString();
    AtomicLong written = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ExecutorService writers = Executors.newFixedThreadPool(8);
    ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    Random rnd = new Random(4);
    pace.scheduleAtFixedRate(
        () ->
            writers.execute(
                () -> {
                  try {
                    JsonNode s = others.get(rnd.nextInt(others.size()));
                    int status =
                        http.postJson("/api/v1/cases", BenchCases.caseJson(s, null, 0))
                            .statusCode();
                    (status == 201 ? written : failed).incrementAndGet();
                  } catch (Exception e) {
                    failed.incrementAndGet();
                  }
                }),
        0,
        1_000_000L / writesPerSecond,
        TimeUnit.MICROSECONDS);
    Latencies fresh = new Latencies("commit to KPI JSON");
    long started = System.nanoTime();
    try {
      Thread.sleep(5_000); // the load settles first
      long before = casesOf(code);
      for (int i = 0; i < probes; i++) {
        HttpResponse<String> r =
            http.postJson("/api/v1/cases", BenchCases.caseJson(probe, null, i));
        BenchHttp.expect(r, 201, "POST /api/v1/cases (probe)");
        long committed = System.nanoTime();
        long seen;
        do {
          Thread.sleep(20);
          seen = casesOf(code);
        } while (seen <= before && System.nanoTime() - committed < 60_000_000_000L);
        fresh.record(System.nanoTime() - committed, seen > before);
        before = seen;
        Thread.sleep(200);
      }
    } finally {
      pace.shutdownNow();
      writers.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.section(
        String.format(
            Locale.UK,
            "(b) Freshness: %d probes while the CRM takes %d cases/s (achieved %.0f/s, %d errors)",
            probes,
            writesPerSecond,
            written.get() / seconds,
            failed.get()));
    out.say(Latencies.header());
    out.say(fresh.line());
    Map<String, Object> s = new LinkedHashMap<>(fresh.summary());
    s.put("writesPerSecondAchieved", Latencies.round(written.get() / seconds));
    s.put("writeErrors", failed.get());
    out.summary.put("freshness", s);
  }

  /** How many cases of a service the KPI JSON counts this year (default filters). */
  private long casesOf(String service) throws IOException, InterruptedException {
    HttpResponse<String> r = http.getJson("/api/v1/kpis/volume-by-service?service=" + service);
    BenchHttp.expect(r, 200, "GET /api/v1/kpis/volume-by-service");
    long n = 0;
    for (JsonNode row : json.readTree(r.body()).path("rows")) {
      n += row.path("cases").asLong();
    }
    return n;
  }
}
