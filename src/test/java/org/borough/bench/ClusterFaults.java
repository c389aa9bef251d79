// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.support.TestMail;

/**
 * Issue 12's faults on the production shape: a PostgreSQL of the run's own, two Borough nodes on
 * it, HAProxy in front, and {@link MixedLoad} through HAProxy. Three faults in turn — a node killed
 * with SIGKILL (and started again), PostgreSQL crashed and restarted, a rolling restart of both
 * nodes — each followed by the same checks: every acknowledged write is in the database (looked for
 * one by one), no write made two cases, every case has its outbox event, every acknowledged status
 * change holds, each reporter got their "we have your report" email exactly once, and both nodes'
 * warehouses agree with the CRM within 60 s. Used by {@link ClusterFaultsIT} (short) and {@code
 * bench/faults.sh --cluster} (long).
 */
final class ClusterFaults implements AutoCloseable {

  /** The outcome of one fault: the report line, and the count of broken promises (must be 0). */
  record Phase(String fault, String report, long broken) {}

  private static final Pattern EVENT_REFERENCE =
      Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
  private static final Duration AGREE = Duration.ofSeconds(60);

  private final PrivatePostgres postgres;
  private final String databaseUrl;
  private final BoroughProcess node1;
  private final BoroughProcess node2;
  private LoadBalancer balancer;
  private MixedLoad load;
  private final Path dir;
  private int checkedAcks;

  ClusterFaults(Path dir) throws Exception {
    this.dir = dir;
    this.postgres = PrivatePostgres.start();
    this.databaseUrl = postgres.createDatabase("borough");
    Map<String, String> env = new HashMap<>(CrashScenario.environment(dir.resolve("data")));
    env.put("SPRING_DATASOURCE_URL", databaseUrl);
    env.put("SPRING_DATASOURCE_USERNAME", "postgres");
    env.put("SPRING_DATASOURCE_PASSWORD", "");
    // Every request comes from 127.0.0.1 through the balancer: lift the per-address form limit.
    env.put("BOROUGH_PORTAL_RATE_LIMIT_REQUESTS", "1000000");
    this.node1 = node(env, 1);
    this.node2 = node(env, 2);
  }

  private BoroughProcess node(Map<String, String> common, int n) throws Exception {
    Map<String, String> env = new HashMap<>(common);
    env.put(
        "BOROUGH_WAREHOUSE_FILE",
        dir.resolve("data").resolve("warehouse-node" + n).resolve("borough.duckdb").toString());
    return new BoroughProcess(BoroughProcess.packagedJar(), env, dir.resolve("node" + n + ".log"));
  }

  /** Starts both nodes (the first makes the schema and the demo borough), HAProxy and the load. */
  void start(int clients) throws Exception {
    node1.start(CrashScenario.START);
    node2.start(CrashScenario.START);
    balancer = LoadBalancer.start(dir, List.of(node1.url(), node2.url()));
    String token =
        BenchHttp.issueTokenAsAdmin(balancer.url(), CrashScenario.ADMIN_TOKEN, "supervisor");
    load = new MixedLoad(balancer.url(), CrashScenario.OPEN311_KEY, token);
    load.start(clients);
  }

  /** Node 1 killed with SIGKILL under load; the other serves; node 1 started again. */
  Phase killOneNode(Duration under) throws Exception {
    Thread.sleep(under.toMillis());
    node1.kill();
    Thread.sleep(under.toMillis());
    node1.start(CrashScenario.START);
    return check("node 1 killed with SIGKILL, then started again");
  }

  /** PostgreSQL stopped as by a power cut and started again under load. */
  Phase restartPostgres(Duration under) throws Exception {
    Thread.sleep(under.toMillis());
    postgres.crashAndRestart();
    Thread.sleep(under.toMillis());
    return check("PostgreSQL crashed (immediate stop) and restarted");
  }

  /** Each node in turn stopped gracefully (SIGTERM) and started again, under load. */
  Phase rollingRestart(Duration under) throws Exception {
    Thread.sleep(under.toMillis());
    node1.stop();
    node1.start(CrashScenario.START);
    Thread.sleep(under.toMillis());
    node2.stop();
    node2.start(CrashScenario.START);
    Thread.sleep(under.toMillis());
    return check("rolling restart of both nodes");
  }

  /**
   * Pauses the load, then checks every promise; resumes the load. The report counts writes
   * acknowledged since the last check, and failures so far.
   */
  private Phase check(String fault) throws Exception {
    Instant since = Instant.now();
    load.pause();
    List<MixedLoad.Ack> acks = load.acknowledged();
    Map<String, Long> byKind = new LinkedHashMap<>();
    acks.subList(checkedAcks, acks.size())
        .forEach(a -> byKind.merge(a.kind().name(), 1L, Long::sum));
    checkedAcks = acks.size();

    Map<String, List<String>> casesByMarker = new HashMap<>();
    Set<String> withEvent = new HashSet<>();
    List<String> lost = new ArrayList<>();
    List<String> withoutEvent = new ArrayList<>();
    List<String> statusLost = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "")) {
      Pattern marker = Pattern.compile(Pattern.quote(load.markerPrefix()) + "\\d+\\]");
      try (PreparedStatement s =
          c.prepareStatement(
              "select reference, description from service_case where" + " description like ?")) {
        s.setString(1, "%" + load.markerPrefix() + "%");
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            Matcher m = marker.matcher(rs.getString(2));
            if (m.find()) {
              casesByMarker.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(rs.getString(1));
            }
          }
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select payload from outbox_event where event_type = 'case.opened.v1'")) {
        while (rs.next()) {
          Matcher m = EVENT_REFERENCE.matcher(rs.getString(1));
          if (m.find()) {
            withEvent.add(m.group(1));
          }
        }
      }
      for (MixedLoad.Ack a : acks) {
        if (a.kind() == MixedLoad.Kind.STATUS) {
          if (!inProgressOnce(c, a.reference())) {
            statusLost.add(a.reference());
          }
        } else if (!casesByMarker.getOrDefault(a.marker(), List.of()).contains(a.reference())) {
          lost.add(a.reference());
        } else if (!withEvent.contains(a.reference())) {
          withoutEvent.add(a.reference());
        }
      }
    }
    List<String> duplicated =
        casesByMarker.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(e -> e.getKey() + " " + e.getValue())
            .toList();
    List<String> mailNotOnce = mailNotOnce(acks);
    WarehouseAgreement.await(node1.url(), CrashScenario.ADMIN_TOKEN, since, AGREE);
    WarehouseAgreement.await(node2.url(), CrashScenario.ADMIN_TOKEN, since, AGREE);
    load.resume();

    long broken =
        lost.size()
            + withoutEvent.size()
            + duplicated.size()
            + statusLost.size()
            + mailNotOnce.size();
    String report =
        String.format(
            "%s: acknowledged %s (%d in all so far), failed while down %d so far; lost %d,"
                + " without outbox event %d, duplicated %d, status changes lost %d, reporters not"
                + " emailed exactly once %d; both warehouses agreed%s%s",
            fault,
            byKind,
            acks.size(),
            load.failed(),
            lost.size(),
            withoutEvent.size(),
            duplicated.size(),
            statusLost.size(),
            mailNotOnce.size(),
            broken == 0
                ? ""
                : " — broken: " + first(lost, withoutEvent, duplicated, statusLost, mailNotOnce),
            load.errorSamples().isEmpty() ? "" : "; sample failures: " + load.errorSamples());
    return new Phase(fault, report, broken);
  }

  /** Writes that got no acknowledgement, after their retries. */
  long failed() {
    return load.failed();
  }

  /** Acknowledged writes so far, by kind. */
  Map<MixedLoad.Kind, Long> acknowledged() {
    Map<MixedLoad.Kind, Long> byKind = new java.util.EnumMap<>(MixedLoad.Kind.class);
    load.acknowledged().forEach(a -> byKind.merge(a.kind(), 1L, Long::sum));
    return byKind;
  }

  private static boolean inProgressOnce(Connection c, String reference) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select c.status, (select count(*) from case_timeline t where t.case_id = c.id and"
                + " t.kind = 'STATUS' and t.to_status = 'IN_PROGRESS') from service_case c where"
                + " c.reference = ?")) {
      s.setString(1, reference);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getString(1).equals("IN_PROGRESS") && rs.getLong(2) == 1;
      }
    }
  }

  /** Reporters whose "we have your report" email did not arrive exactly once. */
  private static List<String> mailNotOnce(List<MixedLoad.Ack> acks) throws InterruptedException {
    List<String> emails = acks.stream().map(MixedLoad.Ack::email).filter(e -> e != null).toList();
    // Up to two minutes: a transaction cut off by the fault leaves a gap in the outbox, which
    // the notification planner waits for (BOROUGH_NOTIFICATIONS_GAP_TIMEOUT, 1 minute) before it
    // passes it.
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    List<String> missing = new ArrayList<>(emails);
    while (!missing.isEmpty() && System.nanoTime() < end) {
      missing.removeIf(e -> received(e) >= 1);
      Thread.sleep(200);
    }
    Thread.sleep(3_000); // more polls on both nodes: nothing may be sent again
    List<String> wrong = new ArrayList<>();
    for (String e : emails) {
      long n = received(e);
      if (n != 1) {
        wrong.add(e + " got " + n);
      }
    }
    return wrong;
  }

  private static long received(String email) {
    return TestMail.to(email).stream()
        .filter(m -> m.subject().startsWith("We have your report"))
        .count();
  }

  @SafeVarargs
  private static String first(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> l : lists) {
      all.addAll(l);
    }
    return all.subList(0, Math.min(5, all.size())).toString();
  }

  @Override
  public void close() throws Exception {
    if (load != null) {
      load.close();
    }
    if (balancer != null) {
      balancer.close();
    }
    node1.stop();
    node2.stop();
    postgres.close();
  }
}
