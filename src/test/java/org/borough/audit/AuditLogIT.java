// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit log is append-only in the database itself, on H2 and PostgreSQL alike. */
class AuditLogIT extends IntegrationTest {

  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  @Test
  void noOneCanUpdateDeleteOrTruncateTheAuditLog() {
    String subject = "append-only-" + UUID.randomUUID();
    audit.record(AuditAction.VIEW, "test", subject, "written once");
    long before = count();

    assertThatThrownBy(
            () ->
                jdbc.update(
                    "update audit_log set detail = 'rewritten' where subject_id = ?", subject))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_log where subject_id = ?", subject))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("truncate table audit_log"))
        .isInstanceOf(DataAccessException.class);

    assertThat(count()).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "select detail from audit_log where subject_id = ?", String.class, subject))
        .isEqualTo("written once");
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from audit_log", Long.class);
  }
}
