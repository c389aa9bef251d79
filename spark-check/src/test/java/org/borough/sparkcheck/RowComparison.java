// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.sparkcheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Compares the rows two engines gave for one query, every value as text (null as null). Columns
 * marked numeric compare as numbers within {@link #TOLERANCE}: the engines type the same expression
 * differently (DuckDB a double where Spark a decimal), but every KPI rounds its figures in SQL to
 * at most two places, so anything further apart than rounding noise is a real difference. Rows
 * compare in order when the query orders them, as a multiset otherwise.
 */
final class RowComparison {

  /** Largest difference between two numbers taken as equal. */
  static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

  private RowComparison() {}

  /**
   * The differences between {@code expected} and {@code actual}, as sentences naming the row; empty
   * when they agree.
   */
  static List<String> differences(
      List<Boolean> numeric,
      List<List<String>> expected,
      List<List<String>> actual,
      boolean ordered) {
    List<List<String>> e = expected, a = actual;
    if (!ordered) {
      e = sorted(expected);
      a = sorted(actual);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
      List<String> x = i < e.size() ? e.get(i) : null;
      List<String> y = i < a.size() ? a.get(i) : null;
      if (x == null || y == null || !same(numeric, x, y)) {
        out.add("row " + (i + 1) + ": DuckDB " + x + ", Spark " + y);
      }
    }
    return out;
  }

  static boolean same(List<Boolean> numeric, List<String> x, List<String> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      String u = x.get(i), v = y.get(i);
      boolean equal =
          u == null || v == null
              ? Objects.equals(u, v)
              : i < numeric.size() && numeric.get(i)
                  ? new BigDecimal(u).subtract(new BigDecimal(v)).abs().compareTo(TOLERANCE) <= 0
                  : u.equals(v);
      if (!equal) {
        return false;
      }
    }
    return true;
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
  }

  /**
   * Whether DuckDB's total row is the grand total of nothing: no other row, every number zero or
   * null. SQL gives {@code GROUP BY GROUPING SETS (..., ())} over no rows one such total row, as
   * DuckDB does; Spark gives none. That is the one engine difference the check accepts: a missing
   * Spark total where this holds, and only there.
   */
  static boolean emptyGrandTotal(
      List<Boolean> numeric, List<List<String>> rows, List<String> total) {
    if (!rows.isEmpty()) {
      return false;
    }
    for (int i = 0; i < total.size(); i++) {
      String v = total.get(i);
      if (v != null && (!numeric.get(i) || new BigDecimal(v).signum() != 0)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the query orders its result: an ORDER BY outside any parentheses. */
  static boolean ordered(String sql) {
    String outer = sql.toLowerCase(java.util.Locale.ROOT);
    String before;
    do {
      before = outer;
      outer = outer.replaceAll("\\([^()]*\\)", " ");
    } while (!outer.equals(before));
    return outer.matches("(?s).*\\border\\s+by\\b.*");
  }
}
