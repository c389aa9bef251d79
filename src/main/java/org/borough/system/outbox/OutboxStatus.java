// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.borough.system.DatabaseProducts;
import org.borough.system.OutboxReaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the outbox holds and how far each reader is behind, for the admin page and its API. */
@Component
public class OutboxStatus {

  private final JdbcClient jdbc;
  private final OutboxReaders readers;
  private final OutboxProperties properties;
  private final Clock clock;
  private final boolean postgres;

  OutboxStatus(
      JdbcClient jdbc,
      OutboxReaders readers,
      OutboxProperties properties,
      Clock clock,
      DataSource dataSource) {
    this.jdbc = jdbc;
    this.readers = readers;
    this.properties = properties;
    this.clock = clock;
    this.postgres = DatabaseProducts.isPostgres(dataSource);
  }

  /**
   * The outbox now.
   *
   * @param rows rows held
   * @param bytes the table's size on disk with its indexes (PostgreSQL's pg_total_relation_size,
   *     H2's disk_space_used)
   * @param oldest the first position held, or null when empty
   * @param oldestAt when it was written
   * @param newest the last position written
   * @param readers each reader, how far behind and whether it still holds rows back
   * @param prunedUpTo positions up to this have been pruned (0 if never)
   * @param prunedAt when pruning last deleted something
   * @param rowsPruned rows pruning has deleted in all
   * @param retention how long rows are kept after every reader has passed them
   */
  public record Summary(
      long rows,
      long bytes,
      Long oldest,
      Instant oldestAt,
      long newest,
      List<Reader> readers,
      long prunedUpTo,
      Instant prunedAt,
      long rowsPruned,
      String retention) {}

  /** A reader: its position, how many positions behind the newest, and whether it is live. */
  public record Reader(String name, long position, long behind, Instant updatedAt, boolean live) {}

  public Summary summary() {
    Instant liveSince = clock.instant().minus(properties.readerExpiry());
    Object[] held =
        jdbc.sql("select count(*), min(position), max(position) from outbox_event")
            .query((rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2), rs.getObject(3)})
            .single();
    Long oldest = held[1] == null ? null : ((Number) held[1]).longValue();
    Instant oldestAt =
        oldest == null
            ? null
            : jdbc.sql("select occurred_at from outbox_event where position = ?")
                .param(oldest)
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(null);
    long newest = held[2] == null ? 0 : ((Number) held[2]).longValue();
    Object[] pruning =
        jdbc.sql("select pruned_up_to, pruned_at, rows_deleted from outbox_pruning where id = 1")
            .query(
                (rs, i) ->
                    new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)})
            .optional()
            .orElse(new Object[] {0L, null, 0L});
    long high = Math.max(newest, (Long) pruning[0]);
    List<Reader> all =
        readers.all().stream()
            .map(
                r ->
                    new Reader(
                        r.name(),
                        r.position(),
                        Math.max(0, high - r.position()),
                        r.updatedAt(),
                        r.updatedAt().isAfter(liveSince)))
            .toList();
    long bytes =
        jdbc.sql(
                postgres
                    ? "select pg_total_relation_size('outbox_event')"
                    : "select disk_space_used('OUTBOX_EVENT')")
            .query(Long.class)
            .single();
    return new Summary(
        (Long) held[0],
        bytes,
        oldest,
        oldestAt,
        high,
        all,
        (Long) pruning[0],
        (Instant) pruning[1],
        (Long) pruning[2],
        written(properties.retention()));
  }

  /** "7 days", "12 hours", "30 minutes": the largest whole unit. */
  static String written(java.time.Duration d) {
    if (d.toDays() > 0) {
      return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }
    if (d.toHours() > 0) {
      return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
    return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
  }
}
