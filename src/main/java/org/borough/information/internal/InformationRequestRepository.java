// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.cases.CaseId;
import org.borough.information.Disclosure;
import org.borough.information.Exemption;
import org.borough.information.InformationRequest;
import org.borough.information.Regime;
import org.borough.information.ReviewOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The information_request table: one row per request, its clocks and its answer. */
@Repository
public class InformationRequestRepository {

  private static final String COLUMNS =
      "case_id, reference, regime, received_at, due_by, first_due_by, clarification_asked_at,"
          + " clarified_at, extension_reason, responded_at, outcome, exemptions, log_title,"
          + " log_text, review_requested_at, review_due_by, reviewed_at, review_outcome";

  private final JdbcClient jdbc;

  public InformationRequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(InformationRequest r) {
    jdbc.sql(
            "insert into information_request (case_id, reference, regime, received_at, due_by,"
                + " first_due_by) values (?, ?, ?, ?, ?, ?)")
        .params(
            r.caseId().value(),
            r.reference(),
            r.regime().name(),
            ts(r.receivedAt()),
            ts(r.dueBy()),
            ts(r.firstDueBy()))
        .update();
  }

  /**
   * Saves a changed request; false when another change got there first (compared on the clocks and
   * the answer the change read, so two officers cannot both answer).
   */
  public boolean update(InformationRequest before, InformationRequest after) {
    List<Object> params =
        new ArrayList<>(
            Arrays.asList(
                ts(after.dueBy()),
                ts(after.firstDueBy()),
                ts(after.clarificationAskedAt()),
                ts(after.clarifiedAt()),
                after.extensionReason(),
                ts(after.respondedAt()),
                after.outcome() == null ? null : after.outcome().name(),
                codes(after.exemptions()),
                after.logTitle(),
                after.logText(),
                ts(after.reviewRequestedAt()),
                ts(after.reviewDueBy()),
                ts(after.reviewedAt()),
                after.reviewOutcome() == null ? null : after.reviewOutcome().name(),
                before.caseId().value(),
                ts(before.dueBy())));
    String where = " where case_id = ? and due_by = ?";
    where += same("responded_at", before.respondedAt(), params);
    where += same("reviewed_at", before.reviewedAt(), params);
    where += same("review_requested_at", before.reviewRequestedAt(), params);
    where += same("clarification_asked_at", before.clarificationAskedAt(), params);
    return jdbc.sql(
                "update information_request set due_by = ?, first_due_by = ?,"
                    + " clarification_asked_at = ?, clarified_at = ?, extension_reason = ?,"
                    + " responded_at = ?, outcome = ?, exemptions = ?, log_title = ?, log_text = ?,"
                    + " review_requested_at = ?, review_due_by = ?, reviewed_at = ?,"
                    + " review_outcome = ?"
                    + where)
            .params(params)
            .update()
        == 1;
  }

  /** A condition that the column still holds what the change read. */
  private static String same(String column, Instant read, List<Object> params) {
    if (read == null) {
      return " and " + column + " is null";
    }
    params.add(ts(read));
    return " and " + column + " = ?";
  }

  public Optional<InformationRequest> findByReference(String reference) {
    return jdbc.sql("select " + COLUMNS + " from information_request where reference = ?")
        .param(reference)
        .query((rs, i) -> request(rs))
        .optional();
  }

  /** Requests waiting for a response or a review, the soonest deadline first. */
  public List<InformationRequest> open(int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from information_request where responded_at is null or"
                + " (review_requested_at is not null and reviewed_at is null)"
                + " order by coalesce(review_due_by, due_by), case_id fetch first ? rows only")
        .param(limit)
        .query((rs, i) -> request(rs))
        .list();
  }

  /** Published responses, newest first, a page at a time. */
  public List<InformationRequest> disclosureLog(int offset, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from information_request where log_title is not null"
                + " order by responded_at desc, case_id offset ? rows fetch next ? rows only")
        .params(offset, limit)
        .query((rs, i) -> request(rs))
        .list();
  }

  /** Every request received in [from, until), for the year's figures. */
  public List<InformationRequest> receivedBetween(Instant from, Instant until) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from information_request where received_at >= ? and received_at < ?")
        .params(ts(from), ts(until))
        .query((rs, i) -> request(rs))
        .list();
  }

  /** Every request, for a rebuild of the warehouse. */
  public void forEach(java.util.function.Consumer<InformationRequest> each) {
    jdbc.sql("select " + COLUMNS + " from information_request")
        .query((ResultSet rs) -> each.accept(request(rs)));
  }

  /** Requests received in each UTC hour, for the warehouse's reconciliation. */
  public java.util.Map<Instant, Long> receivedPerHour() {
    return org.borough.system.HourlyCounts.of(jdbc, "information_request", "received_at");
  }

  private static InformationRequest request(ResultSet rs) throws SQLException {
    String outcome = rs.getString(11);
    String exemptions = rs.getString(12);
    String review = rs.getString(18);
    return new InformationRequest(
        new CaseId(rs.getObject(1, UUID.class)),
        rs.getString(2),
        Regime.valueOf(rs.getString(3)),
        instant(rs.getTimestamp(4)),
        instant(rs.getTimestamp(5)),
        instant(rs.getTimestamp(6)),
        instant(rs.getTimestamp(7)),
        instant(rs.getTimestamp(8)),
        rs.getString(9),
        instant(rs.getTimestamp(10)),
        outcome == null ? null : Disclosure.valueOf(outcome),
        exemptions == null || exemptions.isEmpty()
            ? List.of()
            : Arrays.stream(exemptions.split(",")).map(Exemption::valueOf).toList(),
        rs.getString(13),
        rs.getString(14),
        instant(rs.getTimestamp(15)),
        instant(rs.getTimestamp(16)),
        instant(rs.getTimestamp(17)),
        review == null ? null : ReviewOutcome.valueOf(review));
  }

  private static String codes(List<Exemption> exemptions) {
    return exemptions == null || exemptions.isEmpty()
        ? null
        : String.join(",", exemptions.stream().map(Enum::name).toList());
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
