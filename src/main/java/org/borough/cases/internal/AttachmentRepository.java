// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.cases.CaseView.Attachment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attachment metadata; the bytes live in files under the data directory. */
@Repository
public class AttachmentRepository {

  private final JdbcClient jdbc;

  AttachmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored attachment with where its bytes are. */
  public record Stored(Attachment attachment, UUID caseId, String storageKey) {}

  public List<Attachment> list(UUID caseId) {
    return jdbc.sql(
            "select id, filename, content_type, size_bytes, uploaded_at, uploaded_by"
                + " from case_attachment where case_id = ? order by uploaded_at")
        .param(caseId)
        .query(
            (rs, i) ->
                new Attachment(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getString(6)))
        .list();
  }

  public Optional<Stored> find(UUID id) {
    return jdbc.sql(
            "select id, filename, content_type, size_bytes, uploaded_at, uploaded_by, case_id,"
                + " storage_key from case_attachment where id = ?")
        .param(id)
        .query(
            (rs, i) ->
                new Stored(
                    new Attachment(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)),
                    rs.getObject(7, UUID.class),
                    rs.getString(8)))
        .optional();
  }

  public void insert(Attachment a, UUID caseId, String storageKey) {
    jdbc.sql(
            "insert into case_attachment (id, case_id, filename, content_type, size_bytes,"
                + " storage_key, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            a.id(),
            caseId,
            a.filename(),
            a.contentType(),
            a.sizeBytes(),
            storageKey,
            Timestamp.from(a.uploadedAt()),
            a.uploadedBy())
        .update();
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** Deletes a case's attachments; returns where their bytes are, for the caller to remove. */
  public List<String> deleteAll(UUID caseId) {
    List<String> keys =
        jdbc.sql("select storage_key from case_attachment where case_id = ?")
            .param(caseId)
            .query(String.class)
            .list();
    jdbc.sql("delete from case_attachment where case_id = ?").param(caseId).update();
    return keys;
  }
}
