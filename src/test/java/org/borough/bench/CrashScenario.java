// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.borough.support.TestDatabase;
import org.borough.support.TestMail;
import tools.jackson.databind.JsonNode;

/**
 * Borough's jar on a fresh database of its own (an H2 file under {@code dataDir}, or a new
 * PostgreSQL database), with a small demo borough, crashed and restarted: the common part of {@link
 * CrashSafetyIT} and of {@code bench/faults.sh}'s {@link FaultsBenchmark}.
 */
final class CrashScenario implements AutoCloseable {

  static final String ADMIN_TOKEN = "brg_crash_admin_token_0123456789abcdef";
  static final String OPEN311_KEY = "o311_crash_default_key_0123456789abcdef";
  static final Duration START = Duration.ofMinutes(4);

  private final Path dataDir;
  private final CrashRun.Database db;
  private final BoroughProcess server;
  private final Map<String, String> env;

  CrashScenario(Path dataDir, boolean postgres) throws Exception {
    this.dataDir = dataDir;
    Map<String, String> env = environment(dataDir);
    if (postgres) {
      String url = TestDatabase.createPostgres();
      env.put("SPRING_DATASOURCE_URL", url);
      env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.USER);
      env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.PASSWORD);
      db = new CrashRun.Database(url, TestDatabase.USER, TestDatabase.PASSWORD);
    } else {
      // The embedded default, opened as the server opens it (EmbeddedDatabaseLocation).
      db =
          new CrashRun.Database(
              "jdbc:h2:file:"
                  + dataDir.resolve("db").resolve("borough")
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
              "sa",
              "");
    }
    this.env = Map.copyOf(env);
    Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    server = new BoroughProcess(BoroughProcess.packagedJar(), env, log);
  }

  /**
   * What every node of a fault run is started with: its data directory, known admin credentials and
   * Open311 key, a small demo borough, a warehouse that checks itself every second, and mail to the
   * tests' own SMTP server.
   */
  static Map<String, String> environment(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("BOROUGH_DATA_DIR", dataDir.toString());
    env.put("BOROUGH_ADMIN_PASSWORD", "crash-test-admin-password");
    env.put("BOROUGH_ADMIN_API_TOKEN", ADMIN_TOKEN);
    env.put("BOROUGH_OPEN311_API_KEY", OPEN311_KEY);
    env.put("BOROUGH_DEMO_RESIDENTS", "100");
    env.put("BOROUGH_DEMO_CASES", "300");
    env.put("BOROUGH_DEMO_YEARS", "1");
    env.put("BOROUGH_WAREHOUSE_POLL_INTERVAL", "500ms");
    env.put("BOROUGH_WAREHOUSE_DATA_TEST_INTERVAL", "1s");
    env.put("BOROUGH_SHUTDOWN_DRAIN", "1s");
    // Both nodes of a two-node run must give a resident the same pseudonym.
    env.put("BOROUGH_WAREHOUSE_PSEUDONYM_KEY", "crash-test-pseudonym-key-0123456789abcdef");
    // Notifications go to the tests' own SMTP server, so that they can be counted.
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", Integer.toString(TestMail.port()));
    env.put("BOROUGH_MAIL_STARTTLS", "false"); // GreenMail speaks plain SMTP
    return env;
  }

  /**
   * A second node on the same database and data directory, with its own warehouse replica (ADR
   * 0020); PostgreSQL only, since an H2 file has one process.
   */
  BoroughProcess secondNode() throws IOException {
    Map<String, String> second = new HashMap<>(env);
    second.put(
        "BOROUGH_WAREHOUSE_FILE",
        dataDir.resolve("warehouse-node2").resolve("borough.duckdb").toString());
    return new BoroughProcess(
        BoroughProcess.packagedJar(),
        second,
        dataDir.resolveSibling(dataDir.getFileName() + "-node2.log"));
  }

  BoroughProcess server() {
    return server;
  }

  Path warehouseFile() {
    return dataDir.resolve("warehouse").resolve("borough.duckdb");
  }

  /** Starts the server, posts with {@code clients} for {@code before}, then kills it. */
  CrashRun.Outcome crash(int clients, Duration before) throws Exception {
    server.start(START);
    return CrashRun.killDuringWrites(server, OPEN311_KEY, clients, before, db);
  }

  /**
   * Starts the server again and waits until a data-test run made after the start has read the whole
   * outbox with every test passed; returns the data-quality report.
   */
  JsonNode restartAndAwaitAgreement(Duration timeout) throws Exception {
    Instant since = Instant.now();
    server.start(START);
    return WarehouseAgreement.await(server.url(), ADMIN_TOKEN, since, timeout);
  }

  CrashRun.Database database() {
    return db;
  }

  @Override
  public void close() throws InterruptedException, SQLException {
    server.stop();
  }
}
