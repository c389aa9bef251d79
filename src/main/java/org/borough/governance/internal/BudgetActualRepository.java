// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.governance.BudgetActual;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The actual spend recorded against budget lines, month by month, every recording kept. */
@Repository
public class BudgetActualRepository {

  private final JdbcClient jdbc;

  BudgetActualRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      UUID line, YearMonth month, long pence, String source, Instant now, String who) {
    jdbc.sql(
            """
            insert into budget_actual (budget_line_id, month_start, amount_pence, source,
              recorded_at, recorded_by)
            values (?, ?, ?, ?, ?, ?)""")
        .params(line, Date.valueOf(month.atDay(1)), pence, source, Timestamp.from(now), who)
        .update();
  }

  /** Every figure recorded for the line, by month, the latest of each month last. */
  public List<BudgetActual> history(UUID line) {
    return jdbc.sql(
            """
            select month_start, amount_pence, source, recorded_at, recorded_by from budget_actual
            where budget_line_id = ? order by month_start, id""")
        .param(line)
        .query(
            (rs, n) ->
                new BudgetActual(
                    YearMonth.from(rs.getDate(1).toLocalDate()),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5)))
        .list();
  }

  /** The actual of every month of every line that has one: line id, then month, to pence. */
  public Map<UUID, Map<YearMonth, Long>> latest() {
    Map<UUID, Map<YearMonth, Long>> out = new HashMap<>();
    jdbc.sql(
            """
            select a.budget_line_id, a.month_start, a.amount_pence from budget_actual a
            where a.id = (select max(b.id) from budget_actual b
              where b.budget_line_id = a.budget_line_id and b.month_start = a.month_start)""")
        .query(
            (RowCallbackHandler)
                rs -> {
                  out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                      .put(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getLong(3));
                });
    return out;
  }

  public boolean any(UUID line) {
    return jdbc.sql("select count(*) from budget_actual where budget_line_id = ?")
            .param(line)
            .query(Long.class)
            .single()
        > 0;
  }
}
