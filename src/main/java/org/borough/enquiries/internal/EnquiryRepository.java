// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The councillor-enquiry tables: the wards each councillor represents, and their enquiries. */
@Repository
public class EnquiryRepository {

  private static final String COLUMNS =
      "case_id, reference, councillor_id, ward_code, service_code, about_reference, raised_at,"
          + " due_at, responded_at, responded_by";

  /** One enquiry as stored. */
  public record Row(
      UUID caseId,
      String reference,
      UUID councillorId,
      String wardCode,
      String serviceCode,
      String aboutReference,
      Instant raisedAt,
      Instant dueAt,
      Instant respondedAt,
      String respondedBy) {}

  private final JdbcClient jdbc;

  public EnquiryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Set<String> wardsOf(UUID councillor) {
    return Set.copyOf(
        jdbc.sql("select ward_code from councillor_ward where staff_id = ?")
            .param(councillor)
            .query(String.class)
            .list());
  }

  /** Replaces a councillor's wards. */
  public void setWards(UUID councillor, Set<String> wards) {
    jdbc.sql("delete from councillor_ward where staff_id = ?").param(councillor).update();
    for (String ward : wards) {
      jdbc.sql("insert into councillor_ward (staff_id, ward_code) values (?, ?)")
          .params(councillor, ward)
          .update();
    }
  }

  public void insert(Row r) {
    jdbc.sql("insert into member_enquiry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            r.caseId(),
            r.reference(),
            r.councillorId(),
            r.wardCode(),
            r.serviceCode(),
            r.aboutReference(),
            ts(r.raisedAt()),
            ts(r.dueAt()),
            ts(r.respondedAt()),
            r.respondedBy())
        .update();
  }

  public Optional<Row> find(String reference) {
    return jdbc.sql("select " + COLUMNS + " from member_enquiry where reference = ?")
        .param(reference)
        .query(EnquiryRepository::row)
        .optional();
  }

  public Optional<Row> findByCase(UUID caseId) {
    return jdbc.sql("select " + COLUMNS + " from member_enquiry where case_id = ?")
        .param(caseId)
        .query(EnquiryRepository::row)
        .optional();
  }

  /** Every enquiry, for a rebuild of the warehouse. */
  public void forEach(java.util.function.Consumer<Row> each) {
    jdbc.sql("select " + COLUMNS + " from member_enquiry")
        .query((ResultSet rs) -> each.accept(row(rs, 0)));
  }

  /** Enquiries raised in each UTC hour, for the warehouse's reconciliation. */
  public java.util.Map<Instant, Long> raisedPerHour() {
    return org.borough.system.HourlyCounts.of(jdbc, "member_enquiry", "raised_at");
  }

  /** A councillor's enquiries, newest first. */
  public List<Row> ofCouncillor(UUID councillor, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from member_enquiry where councillor_id = ?"
                + " order by raised_at desc fetch first ? rows only")
        .params(councillor, limit)
        .query(EnquiryRepository::row)
        .list();
  }

  /** Enquiries not answered yet, the soonest deadline first. */
  public List<Row> waiting(int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from member_enquiry where responded_at is null"
                + " order by due_at, raised_at fetch first ? rows only")
        .param(limit)
        .query(EnquiryRepository::row)
        .list();
  }

  /** Records the answer; false when it was already answered. */
  public boolean answered(UUID caseId, Instant at, String by) {
    return jdbc.sql(
                "update member_enquiry set responded_at = ?, responded_by = ?"
                    + " where case_id = ? and responded_at is null")
            .params(ts(at), by, caseId)
            .update()
        == 1;
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    return new Row(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        instant(rs.getTimestamp(7)),
        instant(rs.getTimestamp(8)),
        instant(rs.getTimestamp(9)),
        rs.getString(10));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
