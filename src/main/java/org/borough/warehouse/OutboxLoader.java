// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borough.system.Outbox;
import org.borough.system.OutboxCursor;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the outbox into one warehouse file, a micro-batch at a time, exactly once.
 *
 * <p>Each batch is one DuckDB transaction holding the rows it produced, the quarantined events and
 * the loader's state: the highest position applied and the positions below it not yet seen. After a
 * crash the last committed state is the truth, so nothing is applied twice or skipped.
 *
 * <p>The loader follows the outbox with an {@link OutboxCursor} whose position and gaps (positions
 * passed before their transaction committed) are part of that state: a gap's event is applied when
 * it shows up, and a gap still empty after {@code gapTimeout} is dropped.
 */
final class OutboxLoader {

  private static final Logger log = LoggerFactory.getLogger(OutboxLoader.class);

  private final WarehouseDatabase db;
  private final Outbox outbox;
  private final Dimensions dimensions;
  private final DimensionSource source;
  private final BatchApplier applier;
  private final Clock clock;
  private final int batchSize;
  private final Duration gapTimeout;

  /** Runs after a batch's rows are written and before it commits; tests crash here. */
  volatile Runnable beforeCommit = () -> {};

  OutboxLoader(
      WarehouseDatabase db,
      Outbox outbox,
      Dimensions dimensions,
      DimensionSource source,
      BatchApplier applier,
      Clock clock,
      int batchSize,
      Duration gapTimeout) {
    this.db = db;
    this.outbox = outbox;
    this.dimensions = dimensions;
    this.source = source;
    this.applier = applier;
    this.clock = clock;
    this.batchSize = batchSize;
    this.gapTimeout = gapTimeout;
  }

  /**
   * What a batch did.
   *
   * @param settledPosition the position at and before which everything is applied or given up
   * @param erasures residents erased (their pseudonyms forgotten) by the batch
   */
  record Batch(
      int applied,
      int quarantined,
      int lateArrivals,
      int gapsDropped,
      long highPosition,
      long settledPosition,
      int erasures) {
    boolean didSomething() {
      return applied + quarantined + gapsDropped > 0;
    }
  }

  /** The loader's committed state. */
  record State(long highPosition, long appliedEvents, Instant updatedAt, int openGaps) {}

  /** Applies the next batch (up to the batch size) and commits it. */
  synchronized Batch runBatch() {
    return db.write(
        conn -> {
          DuckDBConnection c = conn.unwrap(DuckDBConnection.class);
          Instant now = clock.instant();
          OutboxCursor cursor = new OutboxCursor(high(c), gaps(c));
          long appliedBefore = appliedEvents(c);
          OutboxCursor.Read read = cursor.read(outbox, batchSize, gapTimeout, now);
          List<Outbox.Entry> picked = read.entries();
          int late = read.lateArrivals();
          int dropped = read.gapsDropped();
          long high = cursor.high();
          if (picked.isEmpty() && dropped == 0) {
            return new Batch(0, 0, 0, 0, high, cursor.settled(), 0); // nothing to write
          }
          List<BatchApplier.Quarantined> quarantined = List.of();
          if (!picked.isEmpty()) {
            Dimensions.Keys keys = dimensions.sync(c, source, now);
            quarantined = applier.apply(c, picked, keys, CrmSnapshot.mark(c));
            quarantine(c, quarantined, now);
            Backlog.snapshot(c, now, applier.zone());
          }
          int applied = picked.size() - quarantined.size();
          saveState(c, high, appliedBefore + applied, cursor.gaps(), now);
          beforeCommit.run();
          int erasures =
              (int)
                  picked.stream()
                      .filter(e -> LoadedEvent.RESIDENT_ERASED.equals(e.eventType()))
                      .count();
          return new Batch(
              applied, quarantined.size(), late, dropped, high, cursor.settled(), erasures);
        });
  }

  /** Runs batches until one finds nothing to do; returns the events applied. */
  long catchUp() {
    long applied = 0;
    Batch b;
    do {
      b = runBatch();
      applied += b.applied();
    } while (b.applied() + b.quarantined() > 0);
    return applied;
  }

  State state() {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "select high_position, applied_events, updated_at,"
                          + " (select count(*) from loader_gap) from loader_state where id = 1")) {
            if (!rs.next()) {
              return new State(0, 0, null, 0);
            }
            return new State(
                rs.getLong(1), rs.getLong(2), Rows.instant(rs.getObject(3)), rs.getInt(4));
          }
        });
  }

  private static long high(DuckDBConnection c) throws SQLException {
    return single(c, "select coalesce(max(high_position), 0) from loader_state where id = 1");
  }

  private static long appliedEvents(DuckDBConnection c) throws SQLException {
    return single(c, "select coalesce(max(applied_events), 0) from loader_state where id = 1");
  }

  private static long single(DuckDBConnection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static TreeMap<Long, Instant> gaps(DuckDBConnection c) throws SQLException {
    TreeMap<Long, Instant> gaps = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select position, first_seen_at from loader_gap")) {
      while (rs.next()) {
        gaps.put(rs.getLong(1), Rows.instant(rs.getObject(2)));
      }
    }
    return gaps;
  }

  private static void quarantine(
      DuckDBConnection c, List<BatchApplier.Quarantined> items, Instant now) throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    try (DuckDBAppender a = c.createAppender("quarantine")) {
      for (BatchApplier.Quarantined q : items) {
        Outbox.Entry e = q.entry();
        Rows.append(
            a,
            e.position(),
            e.eventType(),
            e.aggregateId(),
            e.occurredAt(),
            e.payload(),
            q.reason(),
            now);
      }
    }
    log.warn("Quarantined {} outbox event(s); see the data-quality page", items.size());
  }

  static void saveState(
      DuckDBConnection c, long high, long applied, Map<Long, Instant> gaps, Instant now)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("delete from loader_state");
      s.execute("delete from loader_gap");
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into loader_state (id, high_position, applied_events, updated_at)"
                + " values (1, ?, ?, ?)")) {
      p.setLong(1, high);
      p.setLong(2, applied);
      p.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      p.executeUpdate();
    }
    try (DuckDBAppender a = c.createAppender("loader_gap")) {
      for (Map.Entry<Long, Instant> gap : gaps.entrySet()) {
        Rows.append(a, gap.getKey(), gap.getValue());
      }
    }
  }
}
