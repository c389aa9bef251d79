// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.borough.governance.BudgetMonth;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The rows of {@code fact_budget} and {@code bridge_budget_system} one batch touches: read once for
 * the budget lines in the batch, the budget events folded into them in memory, then written back
 * (delete and append, as the rest of the loader does). An approval sets a line's twelve months'
 * budget and keeps any actual already there, an actual sets one month's, and a reversal removes the
 * line, so applying any of them again (after a rebuild that read the line) changes nothing.
 */
final class BudgetFacts {

  /** fact_budget's columns, in order. */
  static final int MONTH_KEY = 0, LINE = 1, DATE_KEY = 2, ACTUAL = 9, POSITION = 10;

  private final Map<UUID, TreeMap<Integer, Object[]>> months = new LinkedHashMap<>();
  private final Map<UUID, List<String>> systems = new LinkedHashMap<>();

  static UUID lineOf(LoadedEvent e) {
    if (e instanceof LoadedEvent.BudgetApproval a) {
      return a.budgetLineId();
    } else if (e instanceof LoadedEvent.BudgetActual a) {
      return a.budgetLineId();
    } else if (e instanceof LoadedEvent.BudgetReversal r) {
      return r.budgetLineId();
    }
    return null;
  }

  /** Reads the months of the lines staged as kind 'budget-line' in {@code stg_key}. */
  static BudgetFacts read(DuckDBConnection c, Set<UUID> lines) throws SQLException {
    BudgetFacts facts = new BudgetFacts();
    if (lines.isEmpty()) {
      return facts;
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select * from fact_budget where budget_line_id in"
                    + " (select cast(k as uuid) from stg_key where kind = 'budget-line')")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getObject(i + 1);
        }
        facts
            .months
            .computeIfAbsent((UUID) row[LINE], k -> new TreeMap<>())
            .put((Integer) row[DATE_KEY], row);
      }
    }
    return facts;
  }

  /** Folds one budget event in; returns why it cannot be applied, or null. */
  String fold(LoadedEvent e) {
    if (e instanceof LoadedEvent.BudgetApproval a) {
      List<YearMonth> calendar = a.financialYear().months();
      List<Long> amounts = BudgetMonth.spread(a.amountPence());
      TreeMap<Integer, Object[]> rows =
          months.computeIfAbsent(a.budgetLineId(), k -> new TreeMap<>());
      for (int m = 0; m < 12; m++) {
        Object[] old = rows.get(Rows.dateKey(calendar.get(m).atDay(1)));
        Object[] row =
            row(
                a.budgetLineId(),
                calendar.get(m),
                a.financialYear().toString(),
                a.spend(),
                a.funding(),
                a.reserveCode(),
                amounts.get(m),
                old == null ? null : (Long) old[ACTUAL],
                a.position());
        rows.put((Integer) row[DATE_KEY], row);
      }
      systems.put(a.budgetLineId(), a.systemCodes());
      return null;
    }
    if (e instanceof LoadedEvent.BudgetReversal r) {
      months.put(r.budgetLineId(), new TreeMap<>()); // its rows are deleted, none appended
      systems.put(r.budgetLineId(), List.of());
      return null;
    }
    LoadedEvent.BudgetActual a = (LoadedEvent.BudgetActual) e;
    Object[] row =
        months
            .getOrDefault(a.budgetLineId(), new TreeMap<>())
            .get(Rows.dateKey(a.month().atDay(1)));
    if (row == null) {
      return "budget line "
          + a.budgetLineId()
          + " has no month "
          + a.month()
          + " in the warehouse (never approved through the outbox)";
    }
    row[ACTUAL] = a.amountPence();
    row[POSITION] = a.position();
    return null;
  }

  /** Replaces the touched lines' rows, and the bridge rows of the lines approved in the batch. */
  void write(DuckDBConnection c) throws SQLException {
    if (months.isEmpty()) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "delete from fact_budget where budget_line_id in"
              + " (select cast(k as uuid) from stg_key where kind = 'budget-line')");
    }
    try (DuckDBAppender a = c.createAppender("fact_budget")) {
      for (TreeMap<Integer, Object[]> rows : months.values()) {
        for (Object[] row : rows.values()) {
          Rows.append(a, row);
        }
      }
    }
    writeBridge(c, systems, true);
  }

  /**
   * Bridge rows for the lines, each system an equal share; {@code replace} deletes theirs first.
   */
  static void writeBridge(DuckDBConnection c, Map<UUID, List<String>> systems, boolean replace)
      throws SQLException {
    if (systems.isEmpty()) {
      return;
    }
    if (replace) {
      try (Statement s = c.createStatement()) {
        for (UUID line : systems.keySet()) {
          s.execute("delete from bridge_budget_system where budget_line_id = '" + line + "'");
        }
      }
    }
    try (DuckDBAppender a = c.createAppender("bridge_budget_system")) {
      for (Map.Entry<UUID, List<String>> e : systems.entrySet()) {
        Set<String> codes = new LinkedHashSet<>(e.getValue());
        if (codes.isEmpty()) {
          continue; // a reversed line: its rows are gone
        }
        BigDecimal weight =
            BigDecimal.ONE.divide(BigDecimal.valueOf(codes.size()), 12, RoundingMode.HALF_EVEN);
        for (String code : codes) {
          Rows.append(a, e.getKey(), code, weight);
        }
      }
    }
  }

  /** A row of fact_budget; {@code position} is null when read from governance by a rebuild. */
  static Object[] row(
      UUID line,
      YearMonth month,
      String financialYear,
      String spend,
      String funding,
      String reserveCode,
      long budgetPence,
      Long actualPence,
      Long position) {
    return new Object[] {
      line + "/" + month,
      line,
      Rows.dateKey(month.atDay(1)),
      month.toString(),
      financialYear,
      spend,
      funding,
      reserveCode,
      budgetPence,
      actualPence,
      position
    };
  }
}
