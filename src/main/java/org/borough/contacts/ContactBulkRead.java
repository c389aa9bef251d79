// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.borough.system.BulkReadTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every contact as it stands, streamed row by row, for derived stores such as the warehouse that
 * rebuild themselves from the CRM's current state. Ids and codes only: the summary and the agent
 * stay here.
 */
@Service
public class ContactBulkRead {

  private final JdbcTemplate jdbc;

  ContactBulkRead(DataSource dataSource) {
    this.jdbc = new BulkReadTemplate(dataSource, 10_000);
  }

  /** A contact without its free text. */
  public record Row(
      UUID id,
      UUID residentId,
      UUID caseId,
      String channel,
      String direction,
      String outcome,
      boolean resolvedAtFirstContact,
      Integer durationSeconds,
      Instant occurredAt) {}

  @Transactional(readOnly = true)
  public long count() {
    return jdbc.queryForObject("select count(*) from contact", Long.class);
  }

  /** Whether there is any contact at all (cheap, unlike a count). */
  @Transactional(readOnly = true)
  public boolean any() {
    return !jdbc.queryForList("select id from contact fetch first 1 rows only").isEmpty();
  }

  /** Calls {@code each} with every contact, in no particular order. */
  @Transactional(readOnly = true)
  public void forEach(Consumer<Row> each) {
    jdbc.query(
        "select id, resident_id, case_id, channel, direction, outcome, resolved_at_first_contact,"
            + " duration_seconds, occurred_at from contact",
        rs -> {
          int duration = rs.getInt(8);
          Integer seconds = rs.wasNull() ? null : duration;
          each.accept(
              new Row(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, UUID.class),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getBoolean(7),
                  seconds,
                  BulkReadTemplate.instant(rs, 9)));
        });
  }
}
