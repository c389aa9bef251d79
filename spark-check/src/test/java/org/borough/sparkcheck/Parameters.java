// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.sparkcheck;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a KPI query's {@code $n} parameters (DuckDB's JDBC binds them in the application) as typed
 * Spark literals, with the values DuckDB was given. A {@code $n::type} takes the cast along, in
 * Spark's name for the type.
 */
final class Parameters {

  /** One value as ParquetExportIT wrote it: type integer, text, timestamp (an instant) or null. */
  record Value(String type, String value) {}

  private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)(?:::([a-z]+))?");

  private static final Map<String, String> SPARK_TYPES =
      Map.of("integer", "int", "varchar", "string", "timestamptz", "timestamp");

  private Parameters() {}

  static String bind(String sql, List<Value> values) {
    Matcher m = PARAMETER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      if (n < 1 || n > values.size()) {
        throw new IllegalArgumentException("No value for $" + n);
      }
      String literal = literal(values.get(n - 1));
      if (m.group(2) != null) {
        String type = SPARK_TYPES.get(m.group(2));
        if (type == null) {
          throw new IllegalArgumentException("No Spark type for ::" + m.group(2));
        }
        literal = "cast(" + literal + " as " + type + ")";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(literal));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String literal(Value v) {
    return switch (v.type()) {
      case "null" -> "null";
      case "integer" -> String.valueOf(Long.parseLong(v.value()));
      case "timestamp" -> "timestamp" + quoted(v.value());
      case "text" -> quoted(v.value());
      default -> throw new IllegalArgumentException("Unknown parameter type " + v.type());
    };
  }

  /** A Spark string literal: backslash escapes, not doubled quotes. */
  private static String quoted(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
