// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The data tests declared in {@code warehouse/data-tests.txt}, beside the schema: unique, not null,
 * relationships, accepted values and reconciliation with the CRM. Each counts failing rows (or
 * days) and keeps a few examples; runs and results are stored in the warehouse as history.
 */
final class DataTests {

  static final String FILE = "/warehouse/data-tests.txt";

  private static final String NAME = "[a-z_][a-z0-9_]*";
  private static final Pattern COLUMN = Pattern.compile("(" + NAME + ")\\.(" + NAME + ")");
  private static final Pattern LINE =
      Pattern.compile(
          "(unique|not_null)\\s+(\\S+)(?:\\s+where\\s+(.+))?"
              + "|(relationship)\\s+(\\S+)\\s*->\\s*(\\S+)"
              + "|(accepted_values)\\s+(\\S+)\\s+([A-Z0-9_,]+)"
              + "|(reconcile)\\s+("
              + NAME
              + ")");

  /** One declared test. {@code other} is the related column or the accepted values. */
  record Declaration(
      String name, String kind, String table, String column, String other, String condition) {}

  /** A test's outcome: how many rows (or days) fail it, and a few of them. */
  record Result(String name, String kind, long failures, String sample) {
    boolean passed() {
      return failures == 0;
    }
  }

  private final List<Declaration> declarations;
  private final Reconciliation reconciliation;

  DataTests(Reconciliation reconciliation) {
    this(declarations(), reconciliation);
  }

  DataTests(List<Declaration> declarations, Reconciliation reconciliation) {
    this.declarations = declarations;
    this.reconciliation = reconciliation;
  }

  List<Declaration> declared() {
    return declarations;
  }

  static List<Declaration> declarations() {
    try (InputStream in = DataTests.class.getResourceAsStream(FILE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + FILE, e);
    }
  }

  static List<Declaration> parse(String text) {
    List<Declaration> list = new ArrayList<>();
    for (String raw : text.lines().toList()) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("Cannot read data test: " + line);
      }
      String name = line.replaceAll("\\s+", " ");
      if (m.group(1) != null) {
        String[] tc = column(m.group(2));
        list.add(new Declaration(name, m.group(1), tc[0], tc[1], null, m.group(3)));
      } else if (m.group(4) != null) {
        String[] tc = column(m.group(5));
        column(m.group(6));
        list.add(new Declaration(name, "relationship", tc[0], tc[1], m.group(6), null));
      } else if (m.group(7) != null) {
        String[] tc = column(m.group(8));
        list.add(new Declaration(name, "accepted_values", tc[0], tc[1], m.group(9), null));
      } else {
        Reconciliation.Check.of(m.group(11));
        list.add(new Declaration(name, "reconcile", null, null, m.group(11), null));
      }
    }
    return list;
  }

  private static String[] column(String s) {
    Matcher m = COLUMN.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not table.column: " + s);
    }
    return new String[] {m.group(1), m.group(2)};
  }

  /** Runs every declared test. */
  List<Result> run(Connection c) throws SQLException {
    List<Result> results = new ArrayList<>();
    for (Declaration d : declarations) {
      results.add(run(c, d));
    }
    return results;
  }

  Result run(Connection c, Declaration d) throws SQLException {
    if (d.kind().equals("reconcile")) {
      List<Reconciliation.Difference> diffs =
          reconciliation.check(c, Reconciliation.Check.of(d.other()));
      return new Result(
          d.name(),
          d.kind(),
          diffs.size(),
          diffs.stream().limit(5).map(Object::toString).collect(Collectors.joining("; ")));
    }
    String where = d.condition() == null ? "" : " and (" + d.condition() + ")";
    String col = d.column();
    String failing =
        switch (d.kind()) {
          case "unique" ->
              "select cast("
                  + col
                  + " as varchar) v from "
                  + d.table()
                  + " where "
                  + col
                  + " is not null"
                  + where
                  + " group by "
                  + col
                  + " having count(*) > 1";
          case "not_null" ->
              "select 'null' v from " + d.table() + " where " + col + " is null" + where;
          case "relationship" -> {
            String[] other = column(d.other());
            yield "select cast(a."
                + col
                + " as varchar) v from "
                + d.table()
                + " a where a."
                + col
                + " is not null and not exists (select 1 from "
                + other[0]
                + " b where b."
                + other[1]
                + " = a."
                + col
                + ")";
          }
          case "accepted_values" ->
              "select cast("
                  + col
                  + " as varchar) v from "
                  + d.table()
                  + " where "
                  + col
                  + " is not null and "
                  + col
                  + " not in ("
                  + Arrays.stream(d.other().split(","))
                      .map(v -> "'" + v + "'")
                      .collect(Collectors.joining(", "))
                  + ")";
          default -> throw new IllegalStateException(d.kind());
        };
    long failures;
    List<String> sample = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select count(*) from (" + failing + ") f")) {
        rs.next();
        failures = rs.getLong(1);
      }
      if (failures > 0) {
        try (ResultSet rs =
            s.executeQuery(
                "select distinct v from ("
                    + failing
                    + ") f where v is not null order by v limit 5")) {
          while (rs.next()) {
            sample.add(rs.getString(1));
          }
        }
      }
    }
    return new Result(
        d.name(),
        d.kind(),
        failures,
        failures == 0 ? null : sample.isEmpty() ? "null" : String.join(", ", sample));
  }

  /** Stores a run and its results; returns the run's id. */
  /** The results of the last stored run, for a process that has not run the tests yet. */
  static List<Result> latest(java.sql.Connection c) throws SQLException {
    List<Result> results = new java.util.ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select test_name, kind, failures, sample from dq_result"
                    + " where run_id = (select max(run_id) from dq_run) order by test_name")) {
      while (rs.next()) {
        results.add(new Result(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
      }
    }
    return List.copyOf(results);
  }

  static long store(DuckDBConnection c, List<Result> results, long highPosition, Instant at)
      throws SQLException {
    long runId;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(run_id), 0) + 1 from dq_run")) {
      rs.next();
      runId = rs.getLong(1);
    }
    int failed = (int) results.stream().filter(r -> !r.passed()).count();
    try (DuckDBAppender a = c.createAppender("dq_run")) {
      Rows.append(a, runId, at, highPosition, results.size() - failed, failed);
    }
    try (DuckDBAppender a = c.createAppender("dq_result")) {
      for (Result r : results) {
        Rows.append(a, runId, r.name(), r.kind(), r.failures(), r.sample());
      }
    }
    return runId;
  }
}
