// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.borough.system.SystemProperties;
import org.springframework.stereotype.Component;

/**
 * A consistent copy of the embedded H2 database taken while Borough runs, with H2's {@code BACKUP
 * TO}: it reads the file under H2's multi-version concurrency, so it locks nothing and sees one
 * committed state. It has to run inside Borough: the running server opens the H2 file exclusively
 * (no {@code AUTO_SERVER}), so no other process can open it to copy it. The zip is written under
 * {@code <data dir>/backups} on the server, never sent over the network, for {@code ops/backup.sh}
 * to pick up. PostgreSQL is backed up with {@code pg_dump} instead.
 */
@Component
class OnlineBackup {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DataSource dataSource;
  private final Path directory;
  private final Clock clock;

  OnlineBackup(DataSource dataSource, SystemProperties properties, Clock clock) {
    this.dataSource = dataSource;
    this.directory = properties.dataDir().resolve("backups").toAbsolutePath().normalize();
    this.clock = clock;
  }

  /** Where the backups go. */
  Path directory() {
    return directory;
  }

  /**
   * Backs the H2 database up into a new zip and returns it; null when the database is not H2. One
   * at a time: two at once would only make both slower.
   */
  synchronized Path take() throws SQLException, IOException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
        return null;
      }
      Files.createDirectories(directory);
      Path file = directory.resolve("borough-" + STAMP.format(clock.instant()) + ".zip");
      for (int n = 2; Files.exists(file); n++) {
        file = directory.resolve("borough-" + STAMP.format(clock.instant()) + "-" + n + ".zip");
      }
      // The name is made here from the data directory, never from the request.
      s.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
      return file;
    }
  }
}
