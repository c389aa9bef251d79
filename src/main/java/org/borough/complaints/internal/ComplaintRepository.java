// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.borough.cases.CaseId;
import org.borough.complaints.Complaint;
import org.borough.complaints.ComplaintStage;
import org.borough.complaints.Ombudsman;
import org.borough.complaints.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The complaint tables: one row per complaint, one per stage, one per case it is about. */
@Repository
public class ComplaintRepository {

  private static final String STAGE_COLUMNS =
      "case_id, stage, started_at, acknowledge_by, acknowledged_at, respond_by, first_respond_by,"
          + " extension_reason, responded_at, outcome";

  private static final String HEAD_COLUMNS =
      "case_id, reference, received_at, about_service, ombudsman, ombudsman_referred_on,"
          + " ombudsman_reference";

  private final JdbcClient jdbc;

  public ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID caseId, String reference, Instant receivedAt) {
    jdbc.sql("insert into complaint (case_id, reference, received_at) values (?, ?, ?)")
        .params(caseId, reference, ts(receivedAt))
        .update();
  }

  public void insertStage(UUID caseId, ComplaintStage s) {
    jdbc.sql(
            "insert into complaint_stage ("
                + STAGE_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            caseId,
            s.stage(),
            ts(s.startedAt()),
            ts(s.acknowledgeBy()),
            ts(s.acknowledgedAt()),
            ts(s.respondBy()),
            ts(s.firstRespondBy()),
            s.extensionReason(),
            ts(s.respondedAt()),
            s.outcome() == null ? null : s.outcome().name())
        .update();
  }

  /** Saves a stage's changes; false when another change got there first. */
  public boolean updateStage(UUID caseId, ComplaintStage before, ComplaintStage after) {
    // Compared on what the change read, so two officers answering at once cannot both succeed.
    return jdbc.sql(
                "update complaint_stage set acknowledged_at = ?, respond_by = ?,"
                    + " extension_reason = ?, responded_at = ?, outcome = ? where case_id = ? and"
                    + " stage = ? and respond_by = ? and responded_at is null")
            .params(
                ts(after.acknowledgedAt()),
                ts(after.respondBy()),
                after.extensionReason(),
                ts(after.respondedAt()),
                after.outcome() == null ? null : after.outcome().name(),
                caseId,
                before.stage(),
                ts(before.respondBy()))
            .update()
        == 1;
  }

  public void refer(UUID caseId, Ombudsman ombudsman, LocalDate on, String reference) {
    jdbc.sql(
            "update complaint set ombudsman = ?, ombudsman_referred_on = ?,"
                + " ombudsman_reference = ? where case_id = ?")
        .params(ombudsman.name(), on, reference, caseId)
        .update();
  }

  /** Links a case; false when it already was. Sets the service the complaint is about once. */
  public boolean link(UUID caseId, UUID linkedCaseId, String linkedReference, String serviceCode) {
    Integer already =
        jdbc.sql("select count(*) from complaint_link where case_id = ? and linked_case_id = ?")
            .params(caseId, linkedCaseId)
            .query(Integer.class)
            .single();
    if (already > 0) {
      return false;
    }
    jdbc.sql(
            "insert into complaint_link (case_id, linked_case_id, linked_reference) values (?, ?,"
                + " ?)")
        .params(caseId, linkedCaseId, linkedReference)
        .update();
    jdbc.sql("update complaint set about_service = ? where case_id = ? and about_service is null")
        .params(serviceCode, caseId)
        .update();
    return true;
  }

  public Optional<Complaint> find(UUID caseId) {
    List<String> linked =
        jdbc.sql(
                "select linked_reference from complaint_link where case_id = ?"
                    + " order by linked_reference")
            .param(caseId)
            .query(String.class)
            .list();
    return jdbc.sql("select " + HEAD_COLUMNS + " from complaint where case_id = ?")
        .param(caseId)
        .query((rs, i) -> complaint(rs, stages(caseId), linked))
        .optional();
  }

  public Optional<UUID> idByReference(String reference) {
    return jdbc.sql("select case_id from complaint where reference = ?")
        .param(reference)
        .query(UUID.class)
        .optional();
  }

  /** Complaints whose latest stage is still to be answered, the soonest deadline first. */
  public List<Complaint> open(int limit) {
    List<UUID> ids =
        jdbc.sql(
                "select s.case_id from complaint_stage s where s.responded_at is null and s.stage ="
                    + " (select max(t.stage) from complaint_stage t where t.case_id = s.case_id)"
                    + " order by s.respond_by, s.case_id fetch first ? rows only")
            .param(limit)
            .query(UUID.class)
            .list();
    return many(ids);
  }

  /** Every complaint with a stage that began in [from, until), for the annual report. */
  public List<Complaint> withStagesBetween(Instant from, Instant until) {
    List<UUID> ids =
        jdbc.sql(
                "select distinct case_id from complaint_stage where started_at >= ? and"
                    + " started_at < ?")
            .params(ts(from), ts(until))
            .query(UUID.class)
            .list();
    return many(ids);
  }

  /** How many complaints went to an Ombudsman on a day in [from, until). */
  public int referredBetween(LocalDate from, LocalDate until) {
    return jdbc.sql(
            "select count(*) from complaint where ombudsman_referred_on >= ? and"
                + " ombudsman_referred_on < ?")
        .params(from, until)
        .query(Integer.class)
        .single();
  }

  /**
   * Every complaint with its stages, for a rebuild of the warehouse (no linked references: it keeps
   * none). Two statements for the whole table; complaints are a few in a thousand cases.
   */
  public void forEach(java.util.function.Consumer<Complaint> each) {
    Map<UUID, List<ComplaintStage>> stages = new LinkedHashMap<>();
    jdbc.sql("select " + STAGE_COLUMNS + " from complaint_stage order by case_id, stage")
        .query(
            (ResultSet rs) -> {
              stages
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(stage(rs));
            });
    jdbc.sql("select " + HEAD_COLUMNS + " from complaint")
        .query(
            (ResultSet rs) -> {
              UUID id = rs.getObject(1, UUID.class);
              each.accept(complaint(rs, stages.getOrDefault(id, List.of()), List.of()));
            });
  }

  /** Complaint stages begun in each UTC hour, for the warehouse's reconciliation. */
  public Map<Instant, Long> stagesStartedPerHour() {
    return org.borough.system.HourlyCounts.of(jdbc, "complaint_stage", "started_at");
  }

  private List<Complaint> many(List<UUID> ids) {
    List<Complaint> all = new ArrayList<>();
    // One statement per table for the whole list: the report reads a year of complaints.
    Map<UUID, List<ComplaintStage>> stages = new LinkedHashMap<>();
    Map<UUID, Complaint> heads = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      jdbc.sql(
              "select "
                  + STAGE_COLUMNS
                  + " from complaint_stage where case_id in ("
                  + in
                  + ")"
                  + " order by case_id, stage")
          .params(new ArrayList<Object>(chunk))
          .query(
              (ResultSet rs) -> {
                stages
                    .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(stage(rs));
              });
      jdbc.sql("select " + HEAD_COLUMNS + " from complaint where case_id in (" + in + ")")
          .params(new ArrayList<Object>(chunk))
          .query(
              (ResultSet rs) -> {
                UUID id = rs.getObject(1, UUID.class);
                heads.put(id, complaint(rs, stages.getOrDefault(id, List.of()), List.of()));
              });
    }
    for (UUID id : ids) {
      Complaint c = heads.get(id);
      if (c != null) {
        all.add(c);
      }
    }
    return all;
  }

  private List<ComplaintStage> stages(UUID caseId) {
    return jdbc.sql(
            "select " + STAGE_COLUMNS + " from complaint_stage where case_id = ? order by stage")
        .param(caseId)
        .query((rs, i) -> stage(rs))
        .list();
  }

  private static Complaint complaint(ResultSet rs, List<ComplaintStage> stages, List<String> linked)
      throws SQLException {
    String ombudsman = rs.getString(5);
    return new Complaint(
        new CaseId(rs.getObject(1, UUID.class)),
        rs.getString(2),
        instant(rs.getTimestamp(3)),
        rs.getString(4),
        List.copyOf(stages),
        List.copyOf(linked),
        ombudsman == null ? null : Ombudsman.valueOf(ombudsman),
        rs.getObject(6, LocalDate.class),
        rs.getString(7));
  }

  private static ComplaintStage stage(ResultSet rs) throws SQLException {
    String outcome = rs.getString(10);
    return new ComplaintStage(
        rs.getInt(2),
        instant(rs.getTimestamp(3)),
        instant(rs.getTimestamp(4)),
        instant(rs.getTimestamp(5)),
        instant(rs.getTimestamp(6)),
        instant(rs.getTimestamp(7)),
        rs.getString(8),
        instant(rs.getTimestamp(9)),
        outcome == null ? null : Outcome.valueOf(outcome));
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
