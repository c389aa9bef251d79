// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The personal_data_breach tables. */
@Repository
class BreachRepository {

  private static final String COLUMNS =
      "select id, summary, data_affected, people_affected, found_at, recorded_at, recorded_by,"
          + " risk, ico_told_on, ico_reference, people_told_on, closed_at"
          + " from personal_data_breach";

  private final JdbcClient jdbc;

  BreachRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Breach b) {
    jdbc.sql(
            "insert into personal_data_breach (id, summary, data_affected, people_affected,"
                + " found_at, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            b.id(),
            b.summary(),
            b.dataAffected(),
            b.peopleAffected(),
            Timestamp.from(b.foundAt()),
            Timestamp.from(b.recordedAt()),
            b.recordedBy())
        .update();
  }

  Optional<Breach> find(UUID id) {
    return jdbc.sql(COLUMNS + " where id = ?").param(id).query(this::row).optional();
  }

  /** Open breaches first, then the latest found first. */
  List<Breach> all(int limit) {
    return jdbc.sql(
            COLUMNS
                + " order by case when closed_at is null then 0 else 1 end, found_at desc"
                + " fetch first ? rows only")
        .param(limit)
        .query(this::row)
        .list();
  }

  void assess(UUID id, Breach.Risk risk) {
    jdbc.sql("update personal_data_breach set risk = ? where id = ?")
        .params(risk.name(), id)
        .update();
  }

  void icoTold(UUID id, LocalDate on, String reference) {
    jdbc.sql("update personal_data_breach set ico_told_on = ?, ico_reference = ? where id = ?")
        .params(Date.valueOf(on), reference, id)
        .update();
  }

  void peopleTold(UUID id, LocalDate on) {
    jdbc.sql("update personal_data_breach set people_told_on = ? where id = ?")
        .params(Date.valueOf(on), id)
        .update();
  }

  void close(UUID id, Instant at) {
    jdbc.sql("update personal_data_breach set closed_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }

  void addEntry(UUID breach, Instant at, String actor, String text) {
    jdbc.sql(
            "insert into personal_data_breach_entry (breach_id, at, actor, text)"
                + " values (?, ?, ?, ?)")
        .params(breach, Timestamp.from(at), actor, text)
        .update();
  }

  /** The breach's history, oldest first. */
  List<Breach.HistoryEntry> entries(UUID breach) {
    return jdbc.sql(
            "select at, actor, text from personal_data_breach_entry where breach_id = ?"
                + " order by id")
        .param(breach)
        .query(
            (rs, n) ->
                new Breach.HistoryEntry(
                    rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("text")))
        .list();
  }

  private Breach row(ResultSet rs, int n) throws SQLException {
    String risk = rs.getString("risk");
    Date ico = rs.getDate("ico_told_on");
    Date people = rs.getDate("people_told_on");
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Breach(
        rs.getObject("id", UUID.class),
        rs.getString("summary"),
        rs.getString("data_affected"),
        rs.getObject("people_affected", Integer.class),
        rs.getTimestamp("found_at").toInstant(),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getString("recorded_by"),
        risk == null ? null : Breach.Risk.valueOf(risk),
        ico == null ? null : ico.toLocalDate(),
        rs.getString("ico_reference"),
        people == null ? null : people.toLocalDate(),
        closed == null ? null : closed.toInstant());
  }
}
