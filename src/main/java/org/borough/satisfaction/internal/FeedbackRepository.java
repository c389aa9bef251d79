// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The satisfaction tables: invitations (by token hash) and answers (one per case). */
@Repository
public class FeedbackRepository {

  /** A live invitation. */
  public record Invite(UUID caseId, String reference, String serviceName, Instant expiresAt) {}

  /** Answers counted under one key (a service code, a channel, or all). */
  public record Count(String key, long answers, long satisfied, long dissatisfied, long scoreSum) {}

  private final JdbcClient jdbc;

  public FeedbackRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void invite(
      String tokenHash,
      UUID caseId,
      String reference,
      String serviceName,
      Instant at,
      Instant until) {
    jdbc.sql(
            "insert into feedback_invite (token_hash, case_id, reference, service_name, created_at,"
                + " expires_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            tokenHash, caseId, reference, serviceName, Timestamp.from(at), Timestamp.from(until))
        .update();
  }

  /** Forgets invitations past their time, so the table holds only the last few weeks'. */
  public int forgetExpired(Instant now) {
    return jdbc.sql("delete from feedback_invite where expires_at < ?")
        .param(Timestamp.from(now))
        .update();
  }

  /** The invitation behind a link, while it lasts and its case is not answered yet. */
  public Optional<Invite> invitation(String tokenHash, Instant now) {
    return jdbc.sql(
            "select i.case_id, i.reference, i.service_name, i.expires_at from feedback_invite i"
                + " where i.token_hash = ? and i.expires_at >= ?"
                + " and not exists (select 1 from case_feedback f where f.case_id = i.case_id)")
        .params(tokenHash, Timestamp.from(now))
        .query(
            (rs, i) ->
                new Invite(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .optional();
  }

  public boolean answered(UUID caseId) {
    return jdbc.sql("select count(*) from case_feedback where case_id = ?")
            .param(caseId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Every answer (case, rating, when), for a rebuild of the warehouse. */
  public void forEach(java.util.function.Consumer<Answer> each) {
    jdbc.sql("select case_id, rating, given_at from case_feedback")
        .query(
            (java.sql.ResultSet rs) ->
                each.accept(
                    new Answer(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getTimestamp(3).toInstant())));
  }

  /** An answer as the warehouse keeps it. */
  public record Answer(UUID caseId, int rating, Instant givenAt) {}

  /** Answers given in each UTC hour, for the warehouse's reconciliation. */
  public java.util.Map<Instant, Long> givenPerHour() {
    return org.borough.system.HourlyCounts.of(jdbc, "case_feedback", "given_at");
  }

  /** Records an answer; false when the case was answered already (by another link or tab). */
  public boolean answer(UUID caseId, int rating, String serviceCode, String channel, Instant at) {
    int added;
    try {
      added =
          jdbc.sql(
                  "insert into case_feedback (case_id, rating, service_code, channel, given_at)"
                      + " select ?, ?, ?, ?, ? where not exists"
                      + " (select 1 from case_feedback where case_id = ?)")
              .params(caseId, rating, serviceCode, channel, Timestamp.from(at), caseId)
              .update();
    } catch (org.springframework.dao.DuplicateKeyException twoAtOnce) {
      return false;
    }
    jdbc.sql("delete from feedback_invite where case_id = ?").param(caseId).update();
    return added == 1;
  }

  /** Answers given in [from, to), counted by {@code column} (service_code or channel), or all. */
  public List<Count> counts(String column, Instant from, Instant to) {
    String key = column == null ? "'all'" : column;
    return jdbc.sql(
            "select "
                + key
                + ", count(*), sum(case when rating >= 4 then 1 else 0 end),"
                + " sum(case when rating <= 2 then 1 else 0 end), sum(rating)"
                + " from case_feedback where given_at >= ? and given_at < ?"
                + (column == null ? "" : " group by " + column + " order by " + column))
        .params(Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, i) ->
                new Count(
                    rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .list();
  }
}
