// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import org.borough.system.BackupTaken;
import org.borough.system.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/backups}: an online backup of the embedded database ({@link
 * OnlineBackup}), for {@code ops/backup.sh}. The answer names the file on the server; the data
 * itself stays there, so an administrator, who may not read residents' records, can take a backup
 * without being handed them. Recorded in the audit log, since the file holds every resident.
 */
@RestController
class BackupController {

  /** The backup taken: the file on the server, its size and when. */
  record Taken(String file, long bytes, Instant takenAt) {}

  private final OnlineBackup backup;
  private final ApplicationEventPublisher events;

  BackupController(OnlineBackup backup, ApplicationEventPublisher events) {
    this.backup = backup;
    this.events = events;
  }

  @PostMapping("/api/v1/admin/backups")
  @PreAuthorize("hasAuthority('SYSTEM_BACKUP')")
  Taken take() throws SQLException, IOException {
    Path file = backup.take();
    if (file == null) {
      throw new ConflictException(
          "Borough runs on PostgreSQL: back it up with pg_dump (ops/backup.sh does), not through"
              + " Borough");
    }
    events.publishEvent(new BackupTaken(file)); // recorded in the audit log
    return new Taken(
        file.toString(), Files.size(file), Files.getLastModifiedTime(file).toInstant());
  }
}
