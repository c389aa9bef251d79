// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a phase made PostgreSQL do, from its statistics views: rows inserted and updated per table,
 * index scans, and transactions committed. Divided by the cases made, it shows the work behind each
 * case, whatever part of Borough did it.
 */
final class WrittenRows implements AutoCloseable {

  private final Connection db;

  private WrittenRows(Connection db) {
    this.db = db;
  }

  /** Statistics from {@code jdbcUrl} (as PGUSER, postgres by default), or none when it is null. */
  static WrittenRows connect(String jdbcUrl) throws SQLException {
    String user = System.getenv().getOrDefault("PGUSER", "postgres");
    String password = System.getenv().getOrDefault("PGPASSWORD", "");
    return new WrittenRows(
        jdbcUrl == null ? null : DriverManager.getConnection(jdbcUrl, user, password));
  }

  record Counts(Map<String, Long> byName) {
    Counts minus(Counts earlier) {
      Map<String, Long> d = new TreeMap<>();
      byName.forEach((k, v) -> d.put(k, v - earlier.byName.getOrDefault(k, 0L)));
      d.values().removeIf(v -> v == 0);
      return new Counts(d);
    }

    Map<String, Object> perCaseMap(int cases) {
      Map<String, Object> m = new LinkedHashMap<>();
      byName.forEach((k, v) -> m.put(k, Latencies.round((double) v / Math.max(1, cases))));
      return m;
    }

    String perCase(int cases) {
      return byName.entrySet().stream()
          .map(
              e ->
                  String.format(
                      Locale.UK, "%s %.2f", e.getKey(), (double) e.getValue() / Math.max(1, cases)))
          .collect(Collectors.joining(", "));
    }
  }

  /** The counters now (after a pause: backends report their statistics within a second). */
  Counts counts() throws SQLException, InterruptedException {
    if (db == null) {
      return null;
    }
    Thread.sleep(1500);
    Map<String, Long> c = new TreeMap<>();
    try (Statement s = db.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "select relname, n_tup_ins, n_tup_upd, coalesce(idx_scan, 0), seq_scan"
                  + " from pg_stat_user_tables")) {
        while (rs.next()) {
          String t = rs.getString(1);
          c.put("insert " + t, rs.getLong(2));
          c.put("update " + t, rs.getLong(3));
          c.put("index scan " + t, rs.getLong(4));
          c.put("seq scan " + t, rs.getLong(5));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select xact_commit, xact_rollback from pg_stat_database"
                  + " where datname = current_database()")) {
        rs.next();
        c.put("transactions committed", rs.getLong(1));
        c.put("transactions rolled back", rs.getLong(2));
      }
    }
    return new Counts(c);
  }

  @Override
  public void close() throws SQLException {
    if (db != null) {
      db.close();
    }
  }
}
