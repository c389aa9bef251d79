// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts many rows into one table quickly, with nothing but JDBC. On PostgreSQL each column goes
 * as one text array and {@code insert ... select ... from unnest(?, ?, ...)} turns them back into
 * rows: one small statement for thousands of rows, which the server runs several times faster than
 * a long {@code values} list (whose parse, plan and bind grow with every parameter), without the
 * driver's COPY API on the compile classpath. Elsewhere (H2) rows go in multi-row {@code insert ...
 * values (...), (...)} statements of a few hundred rows. Rows are held until {@link #flush()}, so a
 * caller writes a chunk's parent rows before the rows that point at them.
 */
final class BulkInsert implements AutoCloseable {

  /**
   * The column types, named as in SQL: how a value and a null are bound in a {@code values} list
   * (the same way for both, so a reused statement keeps its parameter types), and the cast that
   * reads a value back from text on PostgreSQL.
   */
  enum Type {
    UUID("uuid", Types.VARCHAR, "cast(? as uuid)"),
    TEXT("text", Types.VARCHAR, "?"),
    INT("integer", Types.INTEGER, "?"),
    LONG("bigint", Types.BIGINT, "?"),
    BOOL("boolean", Types.BOOLEAN, "?"),
    TIME("timestamptz", Types.TIMESTAMP, "?"),
    DATE("date", Types.DATE, "?"),
    DECIMAL("numeric", Types.NUMERIC, "?");

    final String sqlName;
    final int sqlType;
    final String placeholder;

    Type(String sqlName, int sqlType, String placeholder) {
      this.sqlName = sqlName;
      this.sqlType = sqlType;
      this.placeholder = placeholder;
    }

    static Type named(String name) {
      for (Type t : values()) {
        if (t.sqlName.equals(name)) {
          return t;
        }
      }
      throw new IllegalArgumentException("No column type " + name);
    }
  }

  // Well under the parameters a statement may have (65,535 on PostgreSQL).
  private static final int MAX_PARAMETERS = 30_000;
  private static final int MAX_ROWS = 500;
  private static final int ARRAY_ROWS = 10_000;

  private final Connection connection;
  private final boolean postgres;
  private final String table;
  private final String columns;
  private final Type[] types;
  private final int rowsPerStatement;
  private final List<Object[]> pending = new ArrayList<>();
  private PreparedStatement full;
  private PreparedStatement arrays;

  /**
   * @param columns the columns and their types, e.g. {@code "id uuid, email text"}
   */
  BulkInsert(Connection connection, boolean postgres, String table, String columns) {
    this.connection = connection;
    this.postgres = postgres;
    this.table = table;
    String[] parts = columns.trim().split("\\s*,\\s*");
    StringBuilder names = new StringBuilder();
    types = new Type[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String[] column = parts[i].split("\\s+");
      names.append(i == 0 ? "" : ", ").append(column[0]);
      types[i] = Type.named(column[1]);
    }
    this.columns = names.toString();
    rowsPerStatement = Math.min(MAX_ROWS, MAX_PARAMETERS / parts.length);
  }

  /** Adds a row, in column order. */
  void add(Object... values) {
    if (values.length != types.length) {
      throw new IllegalArgumentException(
          table + " takes " + types.length + " values, not " + values.length);
    }
    pending.add(values);
  }

  /** Writes the rows added since the last flush. */
  void flush() throws SQLException {
    if (postgres) {
      flushArrays();
      return;
    }
    int done = 0;
    while (pending.size() - done >= rowsPerStatement) {
      if (full == null) {
        full = connection.prepareStatement(sql(rowsPerStatement));
      }
      run(full, done, rowsPerStatement);
      done += rowsPerStatement;
    }
    if (done < pending.size()) {
      try (PreparedStatement partial = connection.prepareStatement(sql(pending.size() - done))) {
        run(partial, done, pending.size() - done);
      }
    }
    pending.clear();
  }

  @Override
  public void close() throws SQLException {
    try {
      flush();
    } finally {
      if (full != null) {
        full.close();
      }
      if (arrays != null) {
        arrays.close();
      }
    }
  }

  private void flushArrays() throws SQLException {
    if (arrays == null && !pending.isEmpty()) {
      arrays = connection.prepareStatement(arraySql());
    }
    for (int first = 0; first < pending.size(); first += ARRAY_ROWS) {
      int count = Math.min(ARRAY_ROWS, pending.size() - first);
      for (int c = 0; c < types.length; c++) {
        String[] column = new String[count];
        for (int row = 0; row < count; row++) {
          column[row] = text(types[c], pending.get(first + row)[c]);
        }
        arrays.setArray(c + 1, connection.createArrayOf("text", column));
      }
      arrays.executeUpdate();
    }
    pending.clear();
  }

  private String arraySql() {
    StringBuilder select = new StringBuilder();
    StringBuilder params = new StringBuilder();
    StringBuilder aliases = new StringBuilder();
    for (int i = 0; i < types.length; i++) {
      String sep = i == 0 ? "" : ", ";
      String column = "c" + i;
      select
          .append(sep)
          .append(
              types[i] == Type.TEXT ? column : "cast(" + column + " as " + types[i].sqlName + ")");
      params.append(sep).append('?');
      aliases.append(sep).append(column);
    }
    return "insert into "
        + table
        + " ("
        + columns
        + ") select "
        + select
        + " from unnest("
        + params
        + ") as input ("
        + aliases
        + ")";
  }

  /** A value as PostgreSQL reads it back from text. */
  private static String text(Type type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      default -> value.toString(); // Instant.toString() is ISO 8601 in UTC, which PostgreSQL reads
    };
  }

  private void run(PreparedStatement statement, int first, int count) throws SQLException {
    int n = types.length;
    int index = 1;
    for (int row = first; row < first + count; row++) {
      Object[] values = pending.get(row);
      for (int c = 0; c < n; c++) {
        bind(statement, index++, types[c], values[c]);
      }
    }
    statement.executeUpdate();
  }

  private static void bind(PreparedStatement s, int index, Type type, Object value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, type.sqlType);
      return;
    }
    switch (type) {
      case UUID -> s.setString(index, value.toString());
      case TEXT -> s.setString(index, (String) value);
      case INT -> s.setInt(index, (Integer) value);
      case LONG -> s.setLong(index, (Long) value);
      case BOOL -> s.setBoolean(index, (Boolean) value);
      case TIME -> s.setTimestamp(index, Timestamp.from((Instant) value));
      case DATE -> s.setObject(index, (LocalDate) value);
      case DECIMAL -> s.setBigDecimal(index, (BigDecimal) value);
    }
  }

  private String sql(int count) {
    StringBuilder row = new StringBuilder("(");
    for (int i = 0; i < types.length; i++) {
      row.append(i == 0 ? "" : ", ").append(types[i].placeholder);
    }
    row.append(')');
    StringBuilder sql =
        new StringBuilder(32 + count * (row.length() + 2))
            .append("insert into ")
            .append(table)
            .append(" (")
            .append(columns)
            .append(") values ");
    for (int i = 0; i < count; i++) {
      sql.append(i == 0 ? "" : ", ").append(row);
    }
    return sql.toString();
  }
}
