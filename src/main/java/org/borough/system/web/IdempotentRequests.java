// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The answers given to idempotent POSTs, by client and key ({@code idempotent_request}). */
@Repository
class IdempotentRequests {

  /** The first answer to a request, kept to be given again. */
  record Answer(
      String requestHash,
      int status,
      String contentType,
      String location,
      String body,
      Instant createdAt) {}

  /** Longest body kept (the column's size); a larger answer is not kept, so not replayed. */
  static final int MAX_BODY = 200_000;

  private final JdbcClient jdbc;

  IdempotentRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Answer> find(String scope, String key) {
    return jdbc.sql(
            """
            select request_hash, status, content_type, location, body, created_at
            from idempotent_request where scope = ? and idempotency_key = ?""")
        .params(scope, key)
        .query(
            (rs, i) ->
                new Answer(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .optional();
  }

  /**
   * Records the answer to a request in the caller's transaction. Fails on the primary key when the
   * key is taken: on PostgreSQL it first waits for a concurrent request holding it to finish.
   */
  void insert(Answer answer, String scope, String key) {
    jdbc.sql(
            """
            insert into idempotent_request (scope, idempotency_key, request_hash, status,
              content_type, location, body, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            scope,
            key,
            answer.requestHash(),
            answer.status(),
            answer.contentType(),
            answer.location(),
            answer.body(),
            Timestamp.from(answer.createdAt()))
        .update();
  }

  void forget(String scope, String key) {
    jdbc.sql("delete from idempotent_request where scope = ? and idempotency_key = ?")
        .params(scope, key)
        .update();
  }

  int forgetBefore(Instant cutoff) {
    return jdbc.sql("delete from idempotent_request where created_at < ?")
        .params(Timestamp.from(cutoff))
        .update();
  }
}
