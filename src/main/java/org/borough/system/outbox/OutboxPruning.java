// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.borough.system.DatabaseProducts;
import org.borough.system.OutboxReaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the outbox rows every live reader has passed and that are older than the retention, so
 * the table stays the size of a few days' changes however long Borough runs. A warehouse rebuild
 * does not need them: it reads the CRM's tables (CrmSnapshot), not the outbox.
 */
@Component
public class OutboxPruning {

  private static final Logger log = LoggerFactory.getLogger(OutboxPruning.class);

  private final JdbcClient jdbc;
  private final OutboxReaders readers;
  private final OutboxProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final boolean postgres;

  OutboxPruning(
      JdbcClient jdbc,
      OutboxReaders readers,
      OutboxProperties properties,
      TransactionTemplate transactions,
      Clock clock,
      DataSource dataSource) {
    this.postgres = DatabaseProducts.isPostgres(dataSource);
    this.jdbc = jdbc;
    this.readers = readers;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What one pruning did: deleted every row up to {@code upTo}. */
  public record Pruned(long upTo, long rows) {}

  @Scheduled(
      fixedDelayString = "${borough.outbox.prune-interval:1h}",
      initialDelayString = "${borough.outbox.prune-interval:1h}")
  @SchedulerLock(name = "outbox-prune")
  void scheduled() {
    try {
      Pruned p = prune();
      if (p.rows() > 0) {
        log.info("Pruned {} outbox rows up to position {}", p.rows(), p.upTo());
        reclaimSpace();
      }
    } catch (RuntimeException e) {
      log.warn("Outbox pruning failed; will try again: {}", e.toString());
    }
  }

  /** Prunes now; returns what it deleted. */
  public Pruned prune() {
    Instant now = clock.instant();
    long upTo = limit(now);
    long total = 0;
    long done = prunedUpTo();
    if (upTo <= done) {
      return new Pruned(done, 0);
    }
    long from = done;
    while (from < upTo) {
      long to = Math.min(upTo, from + properties.pruneBatch());
      long start = from;
      Integer deleted =
          transactions.execute(
              status -> {
                int n =
                    jdbc.sql("delete from outbox_event where position > ? and position <= ?")
                        .params(start, to)
                        .update();
                record(to, n, now);
                return n;
              });
      total += deleted == null ? 0 : deleted;
      from = to;
    }
    return new Pruned(upTo, total);
  }

  /**
   * Makes the deleted rows' space reusable at once on PostgreSQL, which otherwise waits for
   * autovacuum: where a DBA has turned autovacuum off the table grew by every row ever written (1.4
   * MB a minute in a soak at 50 requests a second) however many were pruned. VACUUM cannot run in a
   * transaction, so this runs on its own, after the deletes; a role that does not own the table
   * gets a warning from PostgreSQL, not an error. H2 reuses a deleted row's space by itself.
   */
  void reclaimSpace() {
    if (postgres) {
      jdbc.sql("vacuum outbox_event").update();
    }
  }

  /**
   * The highest position that may go: no further than any live reader has settled, nor into the
   * retention period. With no live reader nothing goes (a first start has not read anything yet).
   */
  long limit(Instant now) {
    Instant liveSince = now.minus(properties.readerExpiry());
    List<OutboxReaders.Reader> live =
        readers.all().stream().filter(r -> r.updatedAt().isAfter(liveSince)).toList();
    if (live.isEmpty()) {
      return 0;
    }
    long slowest = live.stream().mapToLong(OutboxReaders.Reader::position).min().orElse(0);
    long retained =
        jdbc.sql("select coalesce(max(position), 0) from outbox_event where occurred_at < ?")
            .param(Timestamp.from(now.minus(properties.retention())))
            .query(Long.class)
            .single();
    return Math.min(slowest, retained);
  }

  long prunedUpTo() {
    return jdbc.sql("select coalesce(max(pruned_up_to), 0) from outbox_pruning")
        .query(Long.class)
        .single();
  }

  private void record(long upTo, int rows, Instant at) {
    Timestamp now = Timestamp.from(at);
    if (jdbc.sql(
                "update outbox_pruning set pruned_up_to = ?, pruned_at = ?,"
                    + " rows_deleted = rows_deleted + ? where id = 1")
            .params(upTo, now, rows)
            .update()
        == 0) {
      jdbc.sql(
              "insert into outbox_pruning (id, pruned_up_to, pruned_at, rows_deleted)"
                  + " values (1, ?, ?, ?)")
          .params(upTo, now, rows)
          .update();
    }
  }
}
