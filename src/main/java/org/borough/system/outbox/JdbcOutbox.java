// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
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
        .query(JdbcOutbox::entry)
        .list();
  }

  @Override
  public List<Entry> readAt(Collection<Long> positions) {
    List<Entry> found = new ArrayList<>();
    List<Long> all = List.copyOf(positions);
    // A bounded IN list per query: drivers and planners handle a few hundred values well.
    for (int from = 0; from < all.size(); from += 500) {
      found.addAll(
          jdbc.sql(
                  "select position, event_type, aggregate_type, aggregate_id, occurred_at, payload"
                      + " from outbox_event where position in (:positions)")
              .param("positions", all.subList(from, Math.min(all.size(), from + 500)))
              .query(JdbcOutbox::entry)
              .list());
    }
    found.sort(java.util.Comparator.comparingLong(Entry::position));
    return found;
  }

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getTimestamp(5).toInstant(),
        rs.getString(6));
  }

  @Override
  public long prunedUpTo() {
    return jdbc.sql("select coalesce(max(pruned_up_to), 0) from outbox_pruning")
        .query(Long.class)
        .single();
  }

  @Override
  public long lastPosition() {
    return jdbc.sql("select coalesce(max(position), 0) from outbox_event")
        .query(Long.class)
        .single();
  }
}
