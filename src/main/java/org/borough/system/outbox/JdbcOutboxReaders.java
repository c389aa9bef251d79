// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.borough.system.OutboxReaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcOutboxReaders implements OutboxReaders {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcOutboxReaders(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public long position(String reader) {
    return jdbc.sql("select position from outbox_reader where reader = ?")
        .param(reader)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  @Override
  public void moveTo(String reader, long position) {
    Timestamp now = Timestamp.from(clock.instant());
    if (jdbc.sql("update outbox_reader set position = ?, updated_at = ? where reader = ?")
            .params(position, now, reader)
            .update()
        == 0) {
      jdbc.sql("insert into outbox_reader (reader, position, updated_at) values (?, ?, ?)")
          .params(reader, position, now)
          .update();
    }
  }

  @Override
  public List<Reader> all() {
    return jdbc.sql("select reader, position, updated_at from outbox_reader order by reader")
        .query(
            (rs, i) -> new Reader(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
        .list();
  }
}
