// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Which database the integration tests run on. Failsafe runs every {@code *IT} twice: once on the
 * embedded H2 default, once with {@code -Dborough.test.db=postgresql} on a fresh PostgreSQL
 * database. In CI (CI=true) a missing PostgreSQL fails the run; on a laptop it skips.
 */
public final class TestDatabase {

  public static final String ADMIN_URL =
      System.getenv()
          .getOrDefault("BOROUGH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String USER =
      System.getenv().getOrDefault("BOROUGH_TEST_PG_USER", "postgres");
  public static final String PASSWORD =
      System.getenv().getOrDefault("BOROUGH_TEST_PG_PASSWORD", "");

  private static String postgresUrl;
  private static String unavailable;

  private TestDatabase() {}

  public static boolean postgres() {
    return "postgresql".equalsIgnoreCase(System.getProperty("borough.test.db", "h2"));
  }

  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || Boolean.getBoolean("borough.require-postgres");
  }

  /** The JDBC URL of a database created for this JVM, or null when PostgreSQL is unreachable. */
  public static synchronized String postgresUrl() {
    if (postgresUrl != null || unavailable != null) {
      return postgresUrl;
    }
    try {
      postgresUrl = createPostgres();
    } catch (SQLException e) {
      unavailable = e.getMessage();
      if (required()) {
        throw new IllegalStateException(
            "PostgreSQL is required in CI but unreachable at "
                + ADMIN_URL
                + ": "
                + e.getMessage()
                + " (start it with pg_ctlcluster)",
            e);
      }
    }
    return postgresUrl;
  }

  /**
   * Creates a new empty database and returns its JDBC URL; it is dropped when the test JVM ends, so
   * runs do not pile up databases.
   */
  public static String createPostgres() throws SQLException {
    String name = "borough_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    // FORCE closes the application's pool if it is still open (shutdown hooks run in no set order).
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
    return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  /**
   * A new, empty database of the kind this run tests (a PostgreSQL database, or an in-memory H2 one
   * with Borough's settings), for tests that must not touch the shared one.
   */
  public static String fresh() throws SQLException {
    return postgres()
        ? createPostgres()
        : "jdbc:h2:mem:fresh-"
            + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1"
            + org.borough.system.EmbeddedDatabaseLocation.H2_OPTIONS;
  }

  /** The Flyway locations for this run's database. */
  public static String[] migrations() {
    return new String[] {
      "classpath:db/migration/common",
      "classpath:db/migration/" + (postgres() ? "postgresql" : "h2")
    };
  }

  private static void drop(String name) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      System.err.println("Could not drop test database " + name + ": " + e.getMessage());
    }
  }

  /** Why PostgreSQL tests were skipped, for the assumption message. */
  public static String unavailableReason() {
    return unavailable;
  }
}
