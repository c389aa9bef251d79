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
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionRef;
import org.borough.governance.DecisionStatus;
import org.borough.governance.ExemptParagraph;
import org.borough.governance.ForwardPlanNoticeDetails;
import org.borough.governance.ForwardPlanNoticeId;
import org.borough.system.EditVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Forward-plan notices, with the decision each led to and that decision's stored status. */
@Repository
public class ForwardPlanRepository {

  private static final String SELECT =
      """
      select n.id, n.title, n.summary, n.decision_maker, n.expected_decision_date, n.key_decision,
        n.documents, n.documents_from, n.private_reason, n.published_on, n.withdrawn_on,
        n.withdrawal_reason, n.recorded_at, n.updated_at, n.decision_id, d.status, i.title,
        d.decision_date, n.version, n.private_paragraph
      from forward_plan_notice n
        left join decision d on d.id = n.decision_id
        left join decision_issue i on i.id = d.issue_id""";

  /** Not withdrawn, and not yet followed by a published decision. */
  private static final String FORTHCOMING =
      " n.withdrawn_on is null and (n.decision_id is null or d.status = 'DRAFT')";

  private final JdbcClient jdbc;

  ForwardPlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A notice as stored; {@code decisionStatus} is null when no decision is linked. */
  public record StoredNotice(
      ForwardPlanNoticeId id,
      ForwardPlanNoticeDetails details,
      LocalDate publishedOn,
      LocalDate withdrawnOn,
      String withdrawalReason,
      DecisionRef decision,
      DecisionStatus decisionStatus,
      Instant recordedAt,
      Instant updatedAt,
      int version) {}

  public void insert(
      UUID id, ForwardPlanNoticeDetails d, LocalDate publishedOn, Instant now, String who) {
    jdbc.sql(
            """
            insert into forward_plan_notice (id, title, summary, decision_maker,
              expected_decision_date, key_decision, documents, documents_from, private_reason,
              private_paragraph, published_on, recorded_at, recorded_by, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            d.title(),
            d.summary(),
            d.decisionMaker(),
            Date.valueOf(d.expectedDecisionDate()),
            d.keyDecision(),
            d.documents(),
            d.documentsFrom(),
            d.privateReason(),
            d.privateParagraph() == null ? null : d.privateParagraph().number(),
            Date.valueOf(publishedOn),
            Timestamp.from(now),
            who,
            Timestamp.from(now))
        .update();
    for (String ward : d.wards()) {
      jdbc.sql("insert into forward_plan_notice_ward (notice_id, ward_code) values (?, ?)")
          .params(id, ward)
          .update();
    }
  }

  public Optional<StoredNotice> find(UUID id) {
    return jdbc.sql(SELECT + " where n.id = ?").param(id).query(this::row).optional();
  }

  /** The notice that led to {@code decision}, if any. */
  public Optional<StoredNotice> forDecision(UUID decision) {
    return jdbc.sql(SELECT + " where n.decision_id = ?")
        .param(decision)
        .query(this::row)
        .optional();
  }

  /** Forthcoming notices, soonest decision first. */
  public List<StoredNotice> forthcoming(int offset, int limit) {
    return jdbc.sql(
            SELECT
                + " where"
                + FORTHCOMING
                + " order by n.expected_decision_date, n.id offset ? rows fetch first ? rows only")
        .params(offset, limit)
        .query(this::row)
        .list();
  }

  /** Every notice, most recently published first. */
  public List<StoredNotice> all(int offset, int limit) {
    return jdbc.sql(
            SELECT
                + " order by n.published_on desc, n.recorded_at desc, n.id"
                + " offset ? rows fetch first ? rows only")
        .params(offset, limit)
        .query(this::row)
        .list();
  }

  /**
   * Raises a notice's version from the one a change was made to, locking it until the change
   * commits.
   *
   * @throws org.borough.system.StaleEditException when it is at another version now
   */
  public void raiseVersion(UUID id, int expected, String what) {
    EditVersions.raise(jdbc, "forward_plan_notice", "id", "version", id, expected, what);
  }

  public void withdraw(UUID id, LocalDate on, String reason, Instant now) {
    jdbc.sql(
            "update forward_plan_notice set withdrawn_on = ?, withdrawal_reason = ?,"
                + " updated_at = ? where id = ?")
        .params(Date.valueOf(on), reason, Timestamp.from(now), id)
        .update();
  }

  /** Links the notice to its decision; false when another notice holds that decision. */
  public boolean link(UUID id, UUID decision, Instant now) {
    return jdbc.sql(
                """
                update forward_plan_notice set decision_id = ?, updated_at = ?
                where id = ? and decision_id is null and not exists
                  (select 1 from forward_plan_notice o where o.decision_id = ?)""")
            .params(decision, Timestamp.from(now), id, decision)
            .update()
        == 1;
  }

  private StoredNotice row(ResultSet rs, int n) throws SQLException {
    UUID id = rs.getObject(1, UUID.class);
    List<String> wards =
        jdbc.sql(
                "select ward_code from forward_plan_notice_ward where notice_id = ?"
                    + " order by ward_code")
            .param(id)
            .query(String.class)
            .list();
    UUID decision = rs.getObject(15, UUID.class);
    return new StoredNotice(
        new ForwardPlanNoticeId(id),
        new ForwardPlanNoticeDetails(
            rs.getString(2),
            rs.getString(3),
            wards,
            rs.getString(4),
            localDate(rs.getDate(5)),
            rs.getBoolean(6),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            ExemptParagraph.of(rs.getObject(20, Integer.class))),
        localDate(rs.getDate(10)),
        localDate(rs.getDate(11)),
        rs.getString(12),
        decision == null
            ? null
            : new DecisionRef(
                new DecisionId(decision), rs.getString(17), localDate(rs.getDate(18))),
        decision == null ? null : DecisionStatus.valueOf(rs.getString(16)),
        rs.getTimestamp(13).toInstant(),
        rs.getTimestamp(14).toInstant(),
        rs.getInt(19));
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
