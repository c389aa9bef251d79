// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded database's file near the size of what it holds, which {@link DurableCommits}
 * would otherwise let grow without end.
 *
 * <p>H2 with {@code WRITE_DELAY 0} writes every commit as a new chunk at the end of its file and
 * stops the store's background writer, the only thing that compacts chunks left mostly empty by
 * later commits. Measured on H2 2.3.232, 12,800 one-row commits (18 MB of rows) grew the file to
 * 457 MB, 3% of it in use; a 30-minute soak at 50 requests a second grew it to 4 GB for 120 MB of
 * data. H2's own chunk rewrite ({@code MVStore.compact}) finds nothing to do here, so this runs the
 * compaction H2 runs when it closes, bounded in time: live pages move to the front and the file is
 * truncated. It holds H2's store lock, so writes wait for it (up to half a second a run, every ten
 * seconds); it runs only when less than {@link #RUN_BELOW_FILL_RATE}% of the file is in use and
 * that frees at least {@link #WORTH_FREEING} bytes. PostgreSQL, and H2 in server mode, keep their
 * own house.
 */
@Component
class EmbeddedStoreHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreHousekeeping.class);

  /** Below this share of the file in use, in percent, a run compacts; above it, it does nothing. */
  static final int RUN_BELOW_FILL_RATE = 50;

  /** Bytes a run must be able to give back to be worth stopping writes for. */
  static final long WORTH_FREEING = 16L << 20;

  /** A run that gives back at least this much is worth a line in the log. */
  static final long LOGGED_FROM = 64L << 20;

  private final DataSource dataSource;
  private final Duration budget;

  EmbeddedStoreHousekeeping(
      DataSource dataSource,
      @Value("${borough.embedded.housekeeping-budget:500ms}") Duration budget) {
    this.dataSource = dataSource;
    this.budget = budget;
  }

  @Scheduled(
      fixedDelayString = "${borough.embedded.housekeeping-interval:10s}",
      initialDelayString = "${borough.embedded.housekeeping-interval:10s}")
  void housekeeping() throws SQLException {
    compactIfSparse();
  }

  /**
   * Compacts the embedded store's file if it is sparse; answers the share of the file in use
   * afterwards, in percent, or -1 when the database is not an embedded H2 file.
   */
  int compactIfSparse() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      MVStore store = embeddedStore(c);
      if (store == null) {
        return -1;
      }
      FileStore<?> file = store.getFileStore();
      int before = file.getChunksFillRate();
      long sizeBefore = file.size();
      if (before >= RUN_BELOW_FILL_RATE || sizeBefore / 100 * (100 - before) < WORTH_FREEING) {
        return before;
      }
      // compactFile sets the retention time to 0 for good (it is meant for closing): put back the
      // one that lets the file system flush freed chunks' replacements before they are reused.
      int retention = store.getRetentionTime();
      try {
        store.compactFile((int) budget.toMillis());
      } finally {
        store.setRetentionTime(retention);
      }
      long freed = sizeBefore - file.size();
      if (freed >= LOGGED_FROM) {
        log.info(
            "Embedded database compacted: {} MB at {}% in use, now {} MB at {}%",
            sizeBefore >> 20, before, file.size() >> 20, file.getChunksFillRate());
      }
      return file.getChunksFillRate();
    }
  }

  private static MVStore embeddedStore(Connection c) throws SQLException {
    if (!c.isWrapperFor(JdbcConnection.class)
        || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
      return null;
    }
    MVStore store = session.getDatabase().getStore().getMvStore();
    return store.getFileStore() == null ? null : store;
  }
}
