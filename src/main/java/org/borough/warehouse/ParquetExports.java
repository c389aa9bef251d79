// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Parquet export of the star schema in the running application: into {@code parquet/} beside
 * the warehouse file, from the admin page (in the background), the command line, or on the schedule
 * {@code borough.warehouse.parquet.cron}. Each export is audited. It reads through a connection of
 * its own, so the loader keeps writing meanwhile; only a rebuild's final swap waits for it.
 */
@Component
class ParquetExports implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ParquetExports.class);

  enum State {
    IDLE,
    RUNNING,
    DONE,
    FAILED
  }

  /** The last export this process started, and by whom (a user name, or "schedule"). */
  record Status(State state, String by, Instant startedAt, Instant finishedAt, String message) {

    static final Status IDLE = new Status(State.IDLE, null, null, null, null);

    public boolean running() {
      return state == State.RUNNING;
    }
  }

  private final Warehouse warehouse;
  private final AuditLog audit;
  private final JsonMapper json;
  private final Clock clock;
  private final ExecutorService background = Warehouse.background("warehouse-parquet");
  private volatile Status status = Status.IDLE;

  ParquetExports(Warehouse warehouse, AuditLog audit, JsonMapper json, Clock clock) {
    this.warehouse = warehouse;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** Where the exports go: {@code <warehouse dir>/parquet}. */
  Path directory() {
    return warehouse.file().resolveSibling("parquet");
  }

  Status status() {
    return status;
  }

  /** The manifest of the export on disk, or null when there is none (or it cannot be read). */
  ParquetExport.Manifest last() {
    Path manifest = directory().resolve(ParquetExport.MANIFEST);
    if (!Files.exists(manifest)) {
      return null;
    }
    try {
      return json.readValue(manifest.toFile(), ParquetExport.Manifest.class);
    } catch (RuntimeException e) {
      log.warn("Cannot read the Parquet manifest {}: {}", manifest, e.getMessage());
      return null;
    }
  }

  @Scheduled(
      cron = "${borough.warehouse.parquet.cron:0 30 2 * * *}",
      zone = "${borough.zone:Europe/London}")
  void scheduled() {
    exportNow("schedule");
  }

  /**
   * Starts an export in the background for {@code by}, the signed-in user, auditing it now (the
   * audit log takes the user from this thread); false when one is already running.
   */
  synchronized boolean start(String by) {
    if (status.running()) {
      return false;
    }
    audit.record(AuditAction.EXPORT, "warehouse", "parquet", "Parquet export started");
    status = new Status(State.RUNNING, by, clock.instant(), null, null);
    background.execute(() -> run(by));
    return true;
  }

  /** Exports now, in this thread (the schedule, the command line). */
  Status exportNow(String by) {
    synchronized (this) {
      if (status.running()) {
        return status;
      }
      audit.record(AuditAction.EXPORT, "warehouse", "parquet", "Parquet export by " + by);
      status = new Status(State.RUNNING, by, clock.instant(), null, null);
    }
    return run(by);
  }

  /**
   * An erasure reached the warehouse: an export on disk still names the erased residents'
   * pseudonyms, so it is made again at once (in the background), not at the next scheduled run.
   * With no export on disk there is nothing to redo.
   */
  @EventListener
  void on(PseudonymsForgotten forgotten) {
    if (last() == null) {
      return;
    }
    log.info(
        "Re-exporting to Parquet: {} erased residents left the warehouse", forgotten.residents());
    if (!start("erasure")) {
      // One is running, perhaps from before the erasure: run again when it is done.
      background.execute(() -> exportNow("erasure"));
    }
  }

  private Status run(String by) {
    Instant started = status.startedAt();
    try {
      ParquetExport.Manifest m =
          warehouse.read(
              c -> ParquetExport.export(c, directory(), started, warehouse.asAt(), json));
      String message =
          String.format(
              java.util.Locale.UK,
              "%,d rows in %d tables, to outbox position %d",
              m.rows(),
              m.tables().size(),
              m.outboxPosition());
      status = new Status(State.DONE, by, started, clock.instant(), message);
      log.info("Warehouse exported to Parquet in {}: {}", directory(), message);
    } catch (RuntimeException e) {
      log.error("Parquet export failed", e);
      status = new Status(State.FAILED, by, started, clock.instant(), e.getMessage());
    }
    return status;
  }

  @Override
  public void destroy() throws IOException {
    background.shutdownNow();
  }
}
