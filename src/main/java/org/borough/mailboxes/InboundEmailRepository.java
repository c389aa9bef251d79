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
}
