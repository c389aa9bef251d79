// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The emails taken from each mailbox, by hash (V40). */
@Repository
class InboundEmailRepository {

  private final JdbcClient jdbc;

  InboundEmailRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean taken(String mailbox, String messageHash) {
    return jdbc.sql("select count(*) from inbound_email where mailbox = ? and message_hash = ?")
            .params(mailbox, messageHash)
            .query(Long.class)
            .single()
        > 0;
  }

  long fromSince(String senderHash, Instant since) {
    return jdbc.sql(
            "select count(*) from inbound_email where sender_hash = ? and received_at >= ?"
                + " and outcome <> 'IGNORED'")
        .params(senderHash, Timestamp.from(since))
        .query(Long.class)
        .single();
  }

  void insert(
      String mailbox,
      String messageHash,
      String senderHash,
      Instant at,
      String outcome,
      String reason,
      UUID caseId,
      String messageId) {
    jdbc.sql(
            "insert into inbound_email (mailbox, message_hash, sender_hash, received_at, outcome,"
                + " reason, case_id, message_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            mailbox,
            messageHash,
            senderHash,
            Timestamp.from(at),
            outcome,
            reason == null || reason.length() <= 200 ? reason : reason.substring(0, 200),
            caseId,
            caseId == null ? null : messageId)
        .update();
  }

  Optional<String> latestMessageId(UUID caseId) {
    return jdbc.sql(
            "select message_id from inbound_email where case_id = ? and message_id is not null"
                + " order by received_at desc fetch first 1 rows only")
        .param(caseId)
        .query(String.class)
        .optional();
  }

  /** Forgets emails taken before {@code cutoff}: by then none is still unread on its server. */
  int pruneBefore(Instant cutoff) {
    return jdbc.sql("delete from inbound_email where received_at < ?")
        .param(Timestamp.from(cutoff))
        .update();
  }

  /** Records a mailbox's poll: {@code problem} null when it was read. */
  void polled(String mailbox, Instant at, String problem, int waiting) {
    String p = problem == null || problem.length() <= 300 ? problem : problem.substring(0, 300);
    if (jdbc.sql(
                "update mailbox_poll set polled_at = ?, problem = ?, waiting = ? where mailbox = ?")
            .params(Timestamp.from(at), p, waiting, mailbox)
            .update()
        == 0) {
      jdbc.sql(
              "insert into mailbox_poll (mailbox, polled_at, problem, waiting) values (?, ?, ?, ?)")
          .params(mailbox, Timestamp.from(at), p, waiting)
          .update();
    }
  }

  /** A mailbox's last poll, if it has been read. */
  record Poll(Instant at, String problem, int waiting) {}

  Optional<Poll> lastPoll(String mailbox) {
    return jdbc.sql("select polled_at, problem, waiting from mailbox_poll where mailbox = ?")
        .param(mailbox)
        .query((rs, i) -> new Poll(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3)))
        .optional();
  }

  /** How many emails of each outcome the mailbox has taken since {@code since}. */
  java.util.Map<String, Long> outcomesSince(String mailbox, Instant since) {
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    jdbc.sql(
            "select outcome, count(*) from inbound_email where mailbox = ? and received_at >= ?"
                + " group by outcome")
        .params(mailbox, Timestamp.from(since))
        .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
        .list();
    return counts;
  }
}
