// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.borough.system.DomainEvent;
import org.borough.system.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link DomainEvent} to {@code outbox_event} synchronously, inside the publisher's
 * transaction: the event commits or rolls back with the change that caused it.
 */
@Component
class JdbcOutbox implements Outbox {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  JdbcOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @EventListener
  void record(DomainEvent event) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          event.getClass().getSimpleName() + " published outside a transaction");
    }
    jdbc.sql(
            """
            insert into outbox_event (event_type, aggregate_type, aggregate_id, occurred_at, payload)
            values (?, ?, ?, ?, ?)""")
        .params(
            DomainEvent.typeOf(event.getClass()),
            event.aggregateType(),
            event.aggregateId(),
            Timestamp.from(clock.instant()),
            json.writeValueAsString(event))
        .update();
  }

  @Override
  public List<Entry> readAfter(long position, int limit) {
    return jdbc.sql(
            """
            select position, event_type, aggregate_type, aggregate_id, occurred_at, payload
            from outbox_event where position > ? order by position fetch first ? rows only""")
        .params(position, limit)
        .query(
            (rs, i) ->
                new Entry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getString(6)))
        .list();
  }

  @Override
  public long lastPosition() {
    return jdbc.sql("select coalesce(max(position), 0) from outbox_event")
        .query(Long.class)
        .single();
  }
}
