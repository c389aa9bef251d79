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
import org.borough.residents.ResidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subject_access_request table. */
@Repository
class SubjectAccessRepository {

  private static final String COLUMNS =
      "select id, resident_id, received_on, due_on, who_asked, recorded_by, recorded_at,"
          + " pack_made_at, responded_on, responded_by from subject_access_request";

  private final JdbcClient jdbc;

  SubjectAccessRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(SubjectAccessRequest r) {
    jdbc.sql(
            "insert into subject_access_request (id, resident_id, received_on, due_on, who_asked,"
                + " recorded_by, recorded_at, pack_made_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            r.id(),
            r.resident().value(),
            Date.valueOf(r.receivedOn()),
            Date.valueOf(r.dueOn()),
            r.whoAsked(),
            r.recordedBy(),
            Timestamp.from(r.recordedAt()),
            r.packMadeAt() == null ? null : Timestamp.from(r.packMadeAt()))
        .update();
  }

  Optional<SubjectAccessRequest> find(UUID id) {
    return jdbc.sql(COLUMNS + " where id = ?").param(id).query(this::row).optional();
  }

  /** The resident's requests, newest first. */
  List<SubjectAccessRequest> ofResident(ResidentId resident) {
    return jdbc.sql(COLUMNS + " where resident_id = ? order by received_on desc, recorded_at desc")
        .param(resident.value())
        .query(this::row)
        .list();
  }

  /** Open requests, soonest due first. */
  List<SubjectAccessRequest> open() {
    return jdbc.sql(COLUMNS + " where responded_on is null order by due_on, recorded_at")
        .query(this::row)
        .list();
  }

  /** The latest answered requests, newest answer first. */
  List<SubjectAccessRequest> answered(int limit) {
    return jdbc.sql(
            COLUMNS
                + " where responded_on is not null order by responded_on desc, recorded_at desc"
                + " fetch first ? rows only")
        .param(limit)
        .query(this::row)
        .list();
  }

  /** Marks the resident's open requests as having had a pack made; answers how many. */
  int packMade(ResidentId resident, Instant at) {
    return jdbc.sql(
            "update subject_access_request set pack_made_at = ?"
                + " where resident_id = ? and responded_on is null")
        .params(Timestamp.from(at), resident.value())
        .update();
  }

  /** Records the answer; false when the request was already answered. */
  boolean respond(UUID id, LocalDate on, String by) {
    return jdbc.sql(
                "update subject_access_request set responded_on = ?, responded_by = ?"
                    + " where id = ? and responded_on is null")
            .params(Date.valueOf(on), by, id)
            .update()
        == 1;
  }

  private SubjectAccessRequest row(ResultSet rs, int n) throws SQLException {
    Timestamp pack = rs.getTimestamp("pack_made_at");
    Date responded = rs.getDate("responded_on");
    return new SubjectAccessRequest(
        rs.getObject("id", UUID.class),
        new ResidentId(rs.getObject("resident_id", UUID.class)),
        rs.getDate("received_on").toLocalDate(),
        rs.getDate("due_on").toLocalDate(),
        rs.getString("who_asked"),
        rs.getString("recorded_by"),
        rs.getTimestamp("recorded_at").toInstant(),
        pack == null ? null : pack.toInstant(),
        responded == null ? null : responded.toLocalDate(),
        rs.getString("responded_by"));
  }
}
