// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.residents.ResidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The legal_hold and erasure tables, and what an erasure removes from the SAR register. */
@Repository
class ErasureRepository {

  private static final String HOLDS =
      "select id, resident_id, reason, placed_by, placed_at, lifted_by, lifted_at from legal_hold";
  private static final String ERASURES =
      "select id, resident_id, reason, erased_by, erased_at, residents_erased, cases_anonymised,"
          + " contacts_anonymised from erasure";

  private final JdbcClient jdbc;

  ErasureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertHold(LegalHold h) {
    jdbc.sql(
            "insert into legal_hold (id, resident_id, reason, placed_by, placed_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            h.id(), h.resident().value(), h.reason(), h.placedBy(), Timestamp.from(h.placedAt()))
        .update();
  }

  /** Lifts a hold still in place; false when there is none with that id. */
  boolean liftHold(UUID id, String by, Instant at) {
    return jdbc.sql(
                "update legal_hold set lifted_by = ?, lifted_at = ? where id = ? and lifted_at is"
                    + " null")
            .params(by, Timestamp.from(at), id)
            .update()
        == 1;
  }

  Optional<LegalHold> hold(UUID id) {
    return jdbc.sql(HOLDS + " where id = ?").param(id).query((rs, i) -> hold(rs)).optional();
  }

  /** The resident's holds, those in place first, newest first. */
  List<LegalHold> holdsOf(ResidentId resident) {
    return jdbc.sql(
            HOLDS
                + " where resident_id = ? order by case when lifted_at is null then 0 else 1 end,"
                + " placed_at desc")
        .param(resident.value())
        .query((rs, i) -> hold(rs))
        .list();
  }

  void insertErasure(ErasureRecord e) {
    jdbc.sql(
            "insert into erasure (id, resident_id, reason, erased_by, erased_at, residents_erased,"
                + " cases_anonymised, contacts_anonymised) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            e.id(),
            e.resident().value(),
            e.reason(),
            e.erasedBy(),
            Timestamp.from(e.erasedAt()),
            e.residentsErased(),
            e.casesAnonymised(),
            e.contactsAnonymised())
        .update();
  }

  Optional<ErasureRecord> erasureOf(ResidentId resident) {
    return jdbc.sql(ERASURES + " where resident_id = ?")
        .param(resident.value())
        .query((rs, i) -> erasure(rs))
        .optional();
  }

  List<ErasureRecord> latestErasures(int limit) {
    return jdbc.sql(ERASURES + " order by erased_at desc, id fetch first ? rows only")
        .param(limit)
        .query((rs, i) -> erasure(rs))
        .list();
  }

  /**
   * The privacy module's own words about the resident: who asked for their subject access packs,
   * and why their records were once held (a claim, a complaint), which can name them. When and by
   * whom stay, for the council's accountability.
   */
  void forgetWordsAbout(ResidentId resident) {
    jdbc.sql("update subject_access_request set who_asked = '[erased]' where resident_id = ?")
        .param(resident.value())
        .update();
    jdbc.sql("update legal_hold set reason = '[erased]' where resident_id = ?")
        .param(resident.value())
        .update();
  }

  private static LegalHold hold(ResultSet rs) throws SQLException {
    Timestamp lifted = rs.getTimestamp("lifted_at");
    return new LegalHold(
        rs.getObject("id", UUID.class),
        new ResidentId(rs.getObject("resident_id", UUID.class)),
        rs.getString("reason"),
        rs.getString("placed_by"),
        rs.getTimestamp("placed_at").toInstant(),
        rs.getString("lifted_by"),
        lifted == null ? null : lifted.toInstant());
  }

  private static ErasureRecord erasure(ResultSet rs) throws SQLException {
    return new ErasureRecord(
        rs.getObject("id", UUID.class),
        new ResidentId(rs.getObject("resident_id", UUID.class)),
        rs.getString("reason"),
        rs.getString("erased_by"),
        rs.getTimestamp("erased_at").toInstant(),
        rs.getInt("residents_erased"),
        rs.getInt("cases_anonymised"),
        rs.getInt("contacts_anonymised"));
  }
}
