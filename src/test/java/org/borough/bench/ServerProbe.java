// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a soak run watches in the running server: the heap just after a full collection (asked for
 * with {@code jcmd <pid> GC.run}; Micrometer's {@code jvm.gc.live.data.size}, the old generation
 * after it, so what is left is what is still referenced, not what requests allocated since the
 * collection), live threads and the connection pool from {@code /actuator/metrics} (an admin's
 * token), live threads less the request pool's ({@code http-nio-…} in {@code /proc/<pid>/task}:
 * Tomcat adds workers when a burst of requests waits, up to its configured maximum, and keeps them
 * while requests keep coming; that is a pool filling, not a leak, and it once failed a short soak
 * by six threads), open file descriptors from {@code /proc/<pid>/fd}, which counts sockets, the H2
 * and DuckDB files and anything leaked, and the outbox from {@code /api/v1/admin/outbox}: the rows
 * it holds and their size on disk, which pruning must keep steady however long Borough runs.
 */
final class ServerProbe {

  /**
   * One reading. Connections are the Hikari pool's: active (lent out) and total (open). A reading
   * the server did not answer in time (it was overwhelmed) has {@code failure} set and -1 values.
   */
  record Sample(
      Instant at,
      double heapAfterGcMb,
      int threads,
      int activeConnections,
      int totalConnections,
      long openFiles,
      long outboxRows,
      double outboxMb,
      long outboxRowsPruned,
      String failure) {

    static Sample failed(Exception e) {
      return new Sample(Instant.now(), -1, -1, -1, -1, -1, -1, -1, -1, e.toString());
    }

    boolean taken() {
      return failure == null;
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final BoroughProcess server;
  private final BenchHttp admin;

  ServerProbe(BoroughProcess server, String adminToken) {
    this.server = server;
    this.admin = new BenchHttp(server.url());
    admin.useToken(adminToken);
  }

  Sample sample() throws IOException, InterruptedException {
    fullGc();
    HttpResponse<String> r = admin.getJson("/api/v1/admin/outbox");
    BenchHttp.expect(r, 200, "GET /api/v1/admin/outbox");
    JsonNode outbox = json.readTree(r.body());
    return new Sample(
        Instant.now(),
        metric("jvm.gc.live.data.size") / (1024.0 * 1024.0),
        (int) metric("jvm.threads.live") - requestThreads(),
        (int) metric("hikaricp.connections.active"),
        (int) metric("hikaricp.connections"),
        openFiles(),
        outbox.path("rows").asLong(),
        outbox.path("bytes").asLong() / (1024.0 * 1024.0),
        outbox.path("rowsPruned").asLong(),
        null);
  }

  private void fullGc() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("jcmd " + server.pid() + " GC.run failed");
    }
  }

  private double metric(String nameAndTags) throws IOException, InterruptedException {
    HttpResponse<String> r = admin.getJson("/actuator/metrics/" + nameAndTags);
    BenchHttp.expect(r, 200, "GET /actuator/metrics/" + nameAndTags);
    for (JsonNode m : json.readTree(r.body()).path("measurements")) {
      if (m.path("statistic").asString().equals("VALUE")) {
        return m.path("value").asDouble();
      }
    }
    throw new IllegalStateException("No VALUE in /actuator/metrics/" + nameAndTags);
  }

  /**
   * Tomcat's request threads, by their names as Linux keeps them (15 characters: "http-nio-8080-"
   * of "http-nio-8080-exec-12"); with them the pool's acceptor and poller, one each.
   */
  private int requestThreads() throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(server.pid()), "task"))) {
      return (int) tasks.filter(ServerProbe::requestThread).count();
    }
  }

  private static boolean requestThread(Path task) {
    try {
      return Files.readString(task.resolve("comm")).startsWith("http-nio-");
    } catch (IOException e) {
      return false; // the thread ended between the listing and the reading
    }
  }

  private long openFiles() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
      return fds.count();
    }
  }
}
