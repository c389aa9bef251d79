// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.duckdb.DuckDBAppender;

/** Appends one row of Java values through DuckDB's Appender, in the table's column order. */
final class Rows {

  private Rows() {}

  static void append(DuckDBAppender appender, Object... values) throws SQLException {
    appender.beginRow();
    for (Object v : values) {
      if (v == null) {
        appender.appendNull();
      } else if (v instanceof String s) {
        appender.append(s);
      } else if (v instanceof Integer i) {
        appender.append(i.intValue());
      } else if (v instanceof Long l) {
        appender.append(l.longValue());
      } else if (v instanceof Boolean b) {
        appender.append(b.booleanValue());
      } else if (v instanceof UUID u) {
        appender.append(u);
      } else if (v instanceof Instant t) {
        // Microseconds since the epoch, DuckDB's own form of a timestamptz: much cheaper than an
        // OffsetDateTime, which matters when a rebuild appends millions of rows.
        appender.appendEpochMicros(t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000);
      } else if (v instanceof java.math.BigDecimal b) {
        appender.append(b);
      } else if (v instanceof LocalDate d) {
        appender.append(d);
      } else {
        throw new IllegalArgumentException("Cannot append a " + v.getClass().getSimpleName());
      }
    }
    appender.endRow();
  }

  /** A timestamp column read back as an instant (null stays null). */
  static Instant instant(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    } else if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    } else if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
  }

  /** The date key of an instant's day in the council's zone, e.g. 20260327. */
  static Integer dateKey(Instant at, java.time.ZoneId zone) {
    return at == null ? null : DateKeys.of(zone).key(at);
  }

  static int dateKey(LocalDate d) {
    return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }
}
