// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.internal;

import static org.borough.governance.internal.PortfolioRepository.date;
import static org.borough.governance.internal.PortfolioRepository.localDate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.borough.governance.BudgetLine;
import org.borough.governance.BudgetLineId;
import org.borough.governance.BudgetLineStatus;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionRef;
import org.borough.governance.FinancialYear;
import org.borough.governance.FundingKind;
import org.borough.governance.SpendKind;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Budget lines, the systems they fund, and the decision items that noted or approved them. */
@Repository
public class BudgetLineRepository {

  private static final String SELECT =
      """
      select b.id, b.financial_year, b.amount_pence, b.spend, b.funding, b.reserve_id, r.code,
        r.name, b.grant_name, b.description, b.status, b.noted_decision_id, b.noted_item,
        ni.title, nd.decision_date, b.approved_decision_id, b.approved_item, ai.title,
        ad.decision_date, b.dropped_on, b.dropped_reason, b.recorded_at, b.updated_at,
        b.reversed_on, b.reversed_reason, b.version
      from budget_line b
        left join reserve r on r.id = b.reserve_id
        left join decision nd on nd.id = b.noted_decision_id
        left join decision_issue ni on ni.id = nd.issue_id
        left join decision ad on ad.id = b.approved_decision_id
        left join decision_issue ai on ai.id = ad.issue_id""";

  private final JdbcClient jdbc;

  BudgetLineRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What to insert: a line as recorded, approved or noted by one decision item. */
  public record Row(
      UUID id,
      FinancialYear year,
      long amountPence,
      SpendKind spend,
      FundingKind funding,
      UUID reserveId,
      String grantName,
      List<UUID> systemIds,
      String description,
      BudgetLineStatus status,
      UUID decisionId,
      int decisionItem) {}

  public void insert(Row r, Instant now, String who) {
    boolean approved = r.status() == BudgetLineStatus.APPROVED;
    jdbc.sql(
            """
            insert into budget_line (id, financial_year, year_start, amount_pence, spend, funding,
              reserve_id, grant_name, description, status, noted_decision_id, noted_item,
              approved_decision_id, approved_item, recorded_at, recorded_by, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            r.id(),
            r.year().toString(),
            r.year().startYear(),
            r.amountPence(),
            r.spend().name(),
            r.funding().name(),
            r.reserveId(),
            r.grantName(),
            r.description(),
            r.status().name(),
            approved ? null : r.decisionId(),
            approved ? null : r.decisionItem(),
            approved ? r.decisionId() : null,
            approved ? r.decisionItem() : null,
            Timestamp.from(now),
            who,
            Timestamp.from(now))
        .update();
    for (UUID system : r.systemIds()) {
      jdbc.sql("insert into budget_line_system (budget_line_id, system_id) values (?, ?)")
          .params(r.id(), system)
          .update();
    }
  }

  /** Approves a pressure still at {@code version}; false when someone changed the line since. */
  public boolean approve(
      UUID id, int version, FinancialYear year, UUID decisionId, int item, Instant now) {
    return jdbc.sql(
                """
                update budget_line set status = 'APPROVED', financial_year = ?, year_start = ?,
                  approved_decision_id = ?, approved_item = ?, updated_at = ?,
                  version = version + 1
                where id = ? and status = 'PRESSURE' and version = ?""")
            .params(
                year.toString(),
                year.startYear(),
                decisionId,
                item,
                Timestamp.from(now),
                id,
                version)
            .update()
        == 1;
  }

  /** Drops a pressure still at {@code version}; false when someone changed the line since. */
  public boolean drop(UUID id, int version, LocalDate on, String reason, Instant now) {
    return jdbc.sql(
                """
                update budget_line set status = 'DROPPED', dropped_on = ?, dropped_reason = ?,
                  updated_at = ?, version = version + 1
                where id = ? and status = 'PRESSURE' and version = ?""")
            .params(date(on), reason, Timestamp.from(now), id, version)
            .update()
        == 1;
  }

  /** Reverses an approved line still at {@code version}; false when it was changed since. */
  public boolean reverse(UUID id, int version, LocalDate on, String reason, Instant now) {
    return jdbc.sql(
                """
                update budget_line set status = 'REVERSED', reversed_on = ?, reversed_reason = ?,
                  updated_at = ?, version = version + 1
                where id = ? and status = 'APPROVED' and version = ?""")
            .params(date(on), reason, Timestamp.from(now), id, version)
            .update()
        == 1;
  }

  public Optional<BudgetLine> find(UUID id) {
    return jdbc.sql(SELECT + " where b.id = ?").param(id).query(this::row).optional();
  }

  /**
   * Lines matching the filters, nulls meaning any: one financial year, one system, one status;
   * newest year first, then the largest.
   */
  public List<BudgetLine> search(
      FinancialYear year, UUID system, BudgetLineStatus status, int offset, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (year != null) {
      sql.append(" and b.year_start = ?");
      params.add(year.startYear());
    }
    if (system != null) {
      sql.append(
          " and exists (select 1 from budget_line_system s where s.budget_line_id = b.id"
              + " and s.system_id = ?)");
      params.add(system);
    }
    if (status != null) {
      sql.append(" and b.status = ?");
      params.add(status.name());
    }
    sql.append(" order by b.year_start desc, b.amount_pence desc, b.id");
    sql.append(" offset ? rows fetch first ? rows only");
    params.add(offset);
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(this::row).list();
  }

  /** The approved total of each financial year, by the year written 2017/18. */
  public Map<String, Long> approvedPerYear() {
    Map<String, Long> totals = new TreeMap<>();
    jdbc.sql(
            "select financial_year, sum(amount_pence) from budget_line where status = 'APPROVED'"
                + " group by financial_year")
        .query((RowCallbackHandler) rs -> totals.put(rs.getString(1), rs.getLong(2)));
    return totals;
  }

  /** Pressures still open for budget setting in {@code year}: from that year or carried over. */
  public List<BudgetLine> openPressures(FinancialYear year) {
    return jdbc.sql(
            SELECT
                + " where b.status = 'PRESSURE' and b.year_start <= ?"
                + " order by b.year_start, b.amount_pence desc, b.id")
        .param(year.startYear())
        .query(this::row)
        .list();
  }

  /**
   * Pence already given to lines by one decision item, noted or approved, dropped and reversed
   * lines aside; {@code except} is left out (a pressure being approved by the item that noted it).
   */
  public long allocated(UUID decisionId, int item, UUID except) {
    List<Object> params = new ArrayList<>(List.of(decisionId, item, decisionId, item));
    String sql =
        """
        select coalesce(sum(amount_pence), 0) from budget_line
        where status not in ('DROPPED', 'REVERSED')
          and ((noted_decision_id = ? and noted_item = ?)
            or (approved_decision_id = ? and approved_item = ?))""";
    if (except != null) {
      sql += " and id <> ?";
      params.add(except);
    }
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  private BudgetLine row(ResultSet rs, int n) throws SQLException {
    UUID id = rs.getObject(1, UUID.class);
    List<BudgetLine.Ref> systems =
        jdbc.sql(
                """
                select s.id, s.code, s.name from budget_line_system l
                  join ict_system s on s.id = l.system_id
                where l.budget_line_id = ? order by s.code""")
            .param(id)
            .query(
                (r, i) ->
                    new BudgetLine.Ref(r.getObject(1, UUID.class), r.getString(2), r.getString(3)))
            .list();
    UUID reserve = rs.getObject(6, UUID.class);
    return new BudgetLine(
        new BudgetLineId(id),
        rs.getString(2),
        rs.getLong(3),
        SpendKind.valueOf(rs.getString(4)),
        FundingKind.valueOf(rs.getString(5)),
        reserve == null ? null : new BudgetLine.Ref(reserve, rs.getString(7), rs.getString(8)),
        rs.getString(9),
        systems,
        rs.getString(10),
        BudgetLineStatus.valueOf(rs.getString(11)),
        item(rs, 12),
        item(rs, 16),
        localDate(rs.getDate(20)),
        rs.getString(21),
        localDate(rs.getDate(24)),
        rs.getString(25),
        rs.getTimestamp(22).toInstant(),
        rs.getTimestamp(23).toInstant(),
        rs.getInt(26));
  }

  /** The decision item in columns {@code at} (id), +1 (item), +2 (title), +3 (date). */
  private static BudgetLine.ItemRef item(ResultSet rs, int at) throws SQLException {
    UUID decision = rs.getObject(at, UUID.class);
    if (decision == null) {
      return null;
    }
    return new BudgetLine.ItemRef(
        new DecisionRef(
            new DecisionId(decision), rs.getString(at + 2), localDate(rs.getDate(at + 3))),
        rs.getInt(at + 1));
  }
}
