// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an analyst's query that {@link QueryGuard} let through, on a connection of its own: inside a
 * read-only DuckDB transaction (a write fails even if one got past the guard), stopped by {@code
 * Statement.cancel()} when it runs past the timeout (DuckDB has no timeout setting of its own), and
 * with at most {@code maxRows} rows read. The query goes to DuckDB as a bound parameter of {@code
 * select * from query(?) limit n}: {@code query} parses it as one SELECT and puts it in place as a
 * subquery, so the limit stops the scan early instead of the whole result being built first, and no
 * text is pasted into other SQL.
 */
final class AnalystQuery {

  private AnalystQuery() {}

  record Column(String name, String type) {}

  /**
   * What a query gave: its columns, at most the cap of rows (numbers as Long or BigDecimal, times
   * with a zone as Instant, dates as LocalDate, booleans, and everything else as DuckDB writes it),
   * whether there were more, and how long it took.
   */
  record Result(List<Column> columns, List<List<Object>> rows, boolean truncated, Duration took) {}

  static Result run(
      Connection c, String sql, int maxRows, Duration timeout, ScheduledExecutorService timer)
      throws SQLException {
    long started = System.nanoTime();
    // Read connections are duplicates of the writer, which does not auto-commit: the driver would
    // have begun a read-write transaction of its own with the first statement.
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("begin transaction read only");
    }
    try (PreparedStatement p = c.prepareStatement("select * from query(?) limit ?")) {
      p.setString(1, sql);
      p.setLong(2, maxRows + 1L);
      p.setMaxRows(maxRows + 1);
      AtomicBoolean stopped = new AtomicBoolean();
      ScheduledFuture<?> stop =
          timer.schedule(
              () -> {
                stopped.set(true);
                cancel(p);
              },
              timeout.toMillis(),
              TimeUnit.MILLISECONDS);
      try (ResultSet rs = p.executeQuery()) {
        List<Column> columns = columns(rs.getMetaData());
        List<List<Object>> rows = new ArrayList<>();
        boolean more = false;
        while (rs.next()) {
          if (rows.size() == maxRows) {
            more = true;
            break;
          }
          rows.add(row(rs, columns.size()));
        }
        return new Result(columns, rows, more, Duration.ofNanos(System.nanoTime() - started));
      } catch (SQLException e) {
        if (stopped.get()) {
          throw new SqlRefused("timeout", timeout.toSeconds());
        }
        throw new SqlRefused("failed", message(e));
      } finally {
        stop.cancel(false);
      }
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("rollback");
      } catch (SQLException e) {
        // The connection is closed straight after; a cancelled one may refuse even this.
      }
    }
  }

  private static void cancel(Statement s) {
    try {
      s.cancel();
    } catch (SQLException e) {
      // Already finished or closed: nothing left to stop.
    }
  }

  private static List<Column> columns(ResultSetMetaData m) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= m.getColumnCount(); i++) {
      columns.add(new Column(m.getColumnLabel(i), m.getColumnTypeName(i)));
    }
    return columns;
  }

  private static List<Object> row(ResultSet rs, int n) throws SQLException {
    List<Object> row = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      row.add(value(rs, i));
    }
    return row;
  }

  private static Object value(ResultSet rs, int i) throws SQLException {
    Object v = rs.getObject(i);
    if (v == null || v instanceof Boolean || v instanceof BigDecimal || v instanceof LocalDate) {
      return v;
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      return ((Number) v).longValue();
    } else if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : rs.getString(i);
    } else if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return rs.getString(i);
  }

  /**
   * DuckDB's message, without the quoted line it ends with: that line is the wrapping query, not
   * the analyst's, and its position would mislead.
   */
  private static String message(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int line = m.indexOf("\nLINE ");
    m = (line < 0 ? m : m.substring(0, line)).strip();
    return m.length() <= 1000 ? m : m.substring(0, 1000) + "…";
  }
}
