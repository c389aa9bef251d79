// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After every start, makes sure the warehouse holds exactly what the CRM holds, and rebuilds it
 * from the CRM by itself when it does not. The warehouse can end up ahead of the CRM when the CRM
 * loses writes the loader had already read (a database that acknowledged commits before they were
 * durable, or a CRM restored from a backup older than the warehouse file); a red row on the
 * data-quality page would then stay red for ever, because the outbox never gives those events back.
 * What was found is logged and shown as a banner on the data-quality and admin pages.
 */
@Component
class SelfRepair {

  private static final Logger log = LoggerFactory.getLogger(SelfRepair.class);

  /** Why the warehouse was rebuilt by itself, and when; shown until the next restart. */
  record Notice(Instant at, String reason, boolean rebuilding) {}

  private final Warehouse warehouse;
  private final WarehouseProperties properties;
  private final Clock clock;
  private volatile Notice notice;

  SelfRepair(Warehouse warehouse, WarehouseProperties properties, Clock clock) {
    this.warehouse = warehouse;
    this.properties = properties;
    this.clock = clock;
  }

  /** The last repair since start, or null. */
  Notice notice() {
    return notice;
  }

  /** Compares the warehouse with the CRM and rebuilds it if they disagree; true if it did. */
  boolean check() {
    long read = warehouse.state().highPosition();
    long crm = warehouse.outboxPosition();
    if (read > crm) {
      return repair(
          "it had read the CRM's outbox up to position "
              + read
              + " but the CRM's outbox ends at "
              + crm
              + ": the CRM has lost changes the warehouse saw (restored from an older backup, or"
              + " a crash before its commits were durable)");
    }
    long pruned = warehouse.outboxPrunedUpTo();
    if (read < pruned) {
      return repair(
          "it had read the CRM's outbox up to position "
              + read
              + " but the outbox has been pruned up to "
              + pruned
              + ": this node was away for longer than BOROUGH_OUTBOX_READER_EXPIRY, so the changes"
              + " between are no longer there to read");
    }
    List<DataTests.Result> failing = disagreements();
    if (!failing.isEmpty()) {
      // Counted again once caught up: a case opened between the CRM's count and the warehouse's
      // is not a disagreement, and a rebuild of millions of rows is not done for one.
      failing = disagreements();
    }
    if (failing.isEmpty()) {
      return false;
    }
    return repair(
        "its data tests against the CRM failed after a restart: "
            + failing.stream()
                .map(r -> r.name() + " (" + r.failures() + ")")
                .collect(Collectors.joining(", ")));
  }

  /** Reconciliations and broken relationships: what a lost or replayed event leaves behind. */
  private List<DataTests.Result> disagreements() {
    warehouse.catchUp();
    return warehouse.runDataTests().stream()
        .filter(r -> r.failures() > 0)
        .filter(r -> r.kind().equals("reconcile") || r.kind().equals("relationship"))
        .toList();
  }

  private boolean repair(String reason) {
    boolean rebuild = properties.rebuildWhenEmpty();
    notice = new Notice(clock.instant(), reason, rebuild);
    if (rebuild) {
      log.warn("The warehouse disagrees with the CRM, rebuilding it from the CRM: {}", reason);
      warehouse.startRebuild();
    } else {
      log.warn(
          "The warehouse disagrees with the CRM and automatic rebuilds are off"
              + " (BOROUGH_WAREHOUSE_REBUILD_WHEN_EMPTY=false): rebuild it on /admin/warehouse: {}",
          reason);
    }
    return rebuild;
  }
}
