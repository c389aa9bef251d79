// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.governance.BudgetLineId;
import org.borough.governance.IctSystem;
import org.borough.governance.IctSystemDetails;
import org.borough.governance.Reserve;
import org.borough.governance.ReserveId;
import org.borough.governance.ReserveMovement;
import org.borough.governance.SupportStatus;
import org.borough.governance.SystemId;
import org.borough.governance.SystemPhase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ICT portfolio's systems, and the reserves with their movements. */
@Repository
public class PortfolioRepository {

  private static final String SYSTEM =
      "select id, code, name, description, owner, phase, supplier, support_status,"
          + " end_of_support, version, recorded_at, updated_at from ict_system";

  private final JdbcClient jdbc;

  PortfolioRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- systems --------------------------------------------------------------------------------

  public void insertSystem(UUID id, IctSystemDetails d, Instant now) {
    jdbc.sql(
            """
            insert into ict_system (id, code, name, description, owner, phase, supplier,
              support_status, end_of_support, version, recorded_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
        .params(
            id,
            d.code(),
            d.name(),
            d.description(),
            d.owner(),
            d.phase().name(),
            d.supplier(),
            d.supportStatus().name(),
            date(d.endOfSupport()),
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  /** Replaces a system's details if it is still at {@code version}; false when it is not. */
  public boolean updateSystem(UUID id, IctSystemDetails d, int version, Instant now) {
    return jdbc.sql(
                """
                update ict_system set code = ?, name = ?, description = ?, owner = ?, phase = ?,
                  supplier = ?, support_status = ?, end_of_support = ?, version = version + 1,
                  updated_at = ?
                where id = ? and version = ?""")
            .params(
                d.code(),
                d.name(),
                d.description(),
                d.owner(),
                d.phase().name(),
                d.supplier(),
                d.supportStatus().name(),
                date(d.endOfSupport()),
                Timestamp.from(now),
                id,
                version)
            .update()
        == 1;
  }

  public Optional<IctSystem> findSystem(UUID id) {
    return jdbc.sql(SYSTEM + " where id = ?")
        .param(id)
        .query(PortfolioRepository::system)
        .optional();
  }

  public Optional<IctSystem> findSystemByCode(String code) {
    return jdbc.sql(SYSTEM + " where code = ?")
        .param(code)
        .query(PortfolioRepository::system)
        .optional();
  }

  public List<IctSystem> systems() {
    return jdbc.sql(SYSTEM + " order by name, code").query(PortfolioRepository::system).list();
  }

  /** Systems unsupported now, or whose support ends on or before {@code horizon}. */
  public List<IctSystem> supportEndingBy(LocalDate horizon) {
    return jdbc.sql(
            SYSTEM
                + " where support_status = 'UNSUPPORTED' or end_of_support <= ?"
                + " order by case when support_status = 'UNSUPPORTED' then 0 else 1 end,"
                + " end_of_support, name")
        .param(date(horizon))
        .query(PortfolioRepository::system)
        .list();
  }

  private static IctSystem system(ResultSet rs, int n) throws SQLException {
    return new IctSystem(
        new SystemId(rs.getObject("id", UUID.class)),
        new IctSystemDetails(
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getString("owner"),
            SystemPhase.valueOf(rs.getString("phase")),
            rs.getString("supplier"),
            SupportStatus.valueOf(rs.getString("support_status")),
            localDate(rs.getDate("end_of_support"))),
        rs.getInt("version"),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  // --- reserves -------------------------------------------------------------------------------

  public void insertReserve(UUID id, String code, String name, Instant now) {
    jdbc.sql(
            "insert into reserve (id, code, name, balance_pence, recorded_at, updated_at)"
                + " values (?, ?, ?, 0, ?, ?)")
        .params(id, code, name, Timestamp.from(now), Timestamp.from(now))
        .update();
  }

  public boolean reserveExists(String code, String name) {
    return jdbc.sql("select count(*) from reserve where code = ? or lower(name) = lower(?)")
            .params(code, name)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Moves money into ({@code amount} positive) or out of the reserve in one conditional update,
   * which holds the row until the transaction ends: a drawdown that would take the balance below
   * zero changes nothing. Returns the balance after, or empty when refused.
   */
  public Optional<Long> move(UUID reserve, long amount, Instant now) {
    int updated =
        jdbc.sql(
                "update reserve set balance_pence = balance_pence + ?, updated_at = ?"
                    + " where id = ? and balance_pence + ? >= 0")
            .params(amount, Timestamp.from(now), reserve, amount)
            .update();
    if (updated == 0) {
      return Optional.empty();
    }
    return Optional.of(balance(reserve));
  }

  public long balance(UUID reserve) {
    return jdbc.sql("select balance_pence from reserve where id = ?")
        .param(reserve)
        .query(Long.class)
        .single();
  }

  public void insertMovement(
      UUID reserve,
      ReserveMovement.Kind kind,
      long amount,
      long balanceAfter,
      LocalDate on,
      String description,
      UUID budgetLine,
      Instant now,
      String who) {
    jdbc.sql(
            """
            insert into reserve_movement (reserve_id, kind, amount_pence, balance_after_pence,
              on_date, description, budget_line_id, recorded_at, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            reserve,
            kind.name(),
            amount,
            balanceAfter,
            date(on),
            description,
            budgetLine,
            Timestamp.from(now),
            who)
        .update();
  }

  public Optional<Reserve> findReserve(UUID id) {
    return jdbc.sql("select id, code, name, balance_pence from reserve where id = ?")
        .param(id)
        .query((rs, n) -> reserve(rs, movements(id)))
        .optional();
  }

  /** Every reserve, without its movements. */
  public List<Reserve> reserves() {
    return jdbc.sql("select id, code, name, balance_pence from reserve order by name")
        .query((rs, n) -> reserve(rs, List.of()))
        .list();
  }

  private static Reserve reserve(ResultSet rs, List<ReserveMovement> movements)
      throws SQLException {
    return new Reserve(
        new ReserveId(rs.getObject(1, UUID.class)),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        movements);
  }

  private List<ReserveMovement> movements(UUID reserve) {
    return jdbc.sql(
            """
            select kind, amount_pence, balance_after_pence, on_date, description, budget_line_id,
              recorded_at
            from reserve_movement where reserve_id = ? order by id""")
        .param(reserve)
        .query(
            (rs, n) -> {
              UUID line = rs.getObject(6, UUID.class);
              return new ReserveMovement(
                  ReserveMovement.Kind.valueOf(rs.getString(1)),
                  rs.getLong(2),
                  rs.getLong(3),
                  localDate(rs.getDate(4)),
                  rs.getString(5),
                  line == null ? null : new BudgetLineId(line),
                  rs.getTimestamp(7).toInstant());
            })
        .list();
  }

  static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
