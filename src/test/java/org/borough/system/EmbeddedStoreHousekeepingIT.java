// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.borough.support.IntegrationTest;
import org.borough.support.TestDatabase;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Durable commits grow the embedded database's file far beyond what it holds unless its
 * housekeeping runs: after thousands of one-row commits a run gives most of the file back, and
 * every row is still there.
 */
class EmbeddedStoreHousekeepingIT extends IntegrationTest {

  @Autowired EmbeddedStoreHousekeeping housekeeping;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void aRunGivesBackTheFileThatDurableCommitsLeftSparse() throws Exception {
    if (TestDatabase.postgres()) {
      assertThat(housekeeping.compactIfSparse()).as("PostgreSQL keeps its own house").isEqualTo(-1);
      return;
    }
    jdbc.execute("create table housekeeping_probe (n integer primary key, v varchar(1600))");
    try {
      housekeeping.compactIfSparse();
      long start = fileStore().size();
      commitOneRowAtATime(3000);
      long grown = fileStore().size();
      assertThat(fileStore().getChunksFillRate()).as("sparse after one-row commits").isLessThan(50);

      // Each run is bounded in time (half a second), so on a busy machine one run may only start
      // the work; runs a minute apart carry it on. Ten runs here stand for ten minutes.
      housekeeping.compactIfSparse();
      for (int run = 1; run < 10 && fileStore().size() - start >= (grown - start) / 2; run++) {
        housekeeping.compactIfSparse();
      }

      long after = fileStore().size();
      assertThat(after - start)
          .as("growth after housekeeping (was %d MB on %d MB)", (grown - start) >> 20, start >> 20)
          .isLessThan((grown - start) / 2);
      assertThat(jdbc.queryForObject("select count(*) from housekeeping_probe", Long.class))
          .isEqualTo(2000L);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from information_schema.settings"
                      + " where setting_name = 'RETENTION_TIME' and setting_value = '0'",
                  Long.class))
          .as("H2's retention time put back")
          .isZero();
    } finally {
      jdbc.execute("drop table housekeeping_probe");
    }
  }

  private void commitOneRowAtATime(int n) {
    String row = "a council's row, ".repeat(90);
    for (int i = 1; i <= n; i++) {
      jdbc.update("insert into housekeeping_probe (n, v) values (?, ?)", i, row + i);
      if (i % 3 == 0) {
        jdbc.update("delete from housekeeping_probe where n = ?", i - 1);
      }
    }
  }

  private FileStore<?> fileStore() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
      return session.getDatabase().getStore().getMvStore().getFileStore();
    }
  }
}
