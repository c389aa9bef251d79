// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts.internal;

import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.borough.contacts.ContactBulkRead;
import org.borough.system.BulkReadTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcContactBulkRead implements ContactBulkRead {

  private final JdbcTemplate jdbc;

  JdbcContactBulkRead(DataSource dataSource) {
    this.jdbc = new BulkReadTemplate(dataSource, 10_000);
  }

  @Override
  @Transactional(readOnly = true)
  public long count() {
    return jdbc.queryForObject("select count(*) from contact", Long.class);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean any() {
    return !jdbc.queryForList("select id from contact fetch first 1 rows only").isEmpty();
  }

  @Override
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
