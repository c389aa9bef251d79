// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.borough.cases.CaseId;
import org.borough.cases.SlaAtRisk;
import org.borough.cases.SlaBreached;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices cases whose SLA clock has passed its warning point or its due time, and publishes {@link
 * SlaAtRisk} once per deadline and {@link SlaBreached} once per case. Runs every minute; each case
 * is marked and its event written in one transaction, so whoever listens (staff alerts) hears once.
 */
@Component
class SlaWatch {

  private static final int BATCH = 500;

  private final CaseRepository cases;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SlaWatch(
      CaseRepository cases,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.cases = cases;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  // Marking is already safe on two nodes (a case is marked only if it was not); the lock spares
  // the second node the same scan.
  @Scheduled(fixedDelayString = "${borough.cases.sla-watch-interval:60s}", initialDelay = 10_000)
  @SchedulerLock(name = "sla-watch")
  void scan() {
    int found;
    do {
      found = transactions.execute(status -> markBatch(clock.instant()));
    } while (found == BATCH);
    do {
      found = transactions.execute(status -> markAtRisk(clock.instant()));
    } while (found == BATCH);
  }

  /** Tells up to 500 cases newly at risk; returns how many it looked at. */
  int markAtRisk(Instant now) {
    var rows = cases.newlyAtRisk(now, BATCH);
    for (CaseRow row : rows) {
      if (cases.markAtRiskTold(row.id(), now) == 1) {
        events.publishEvent(
            new SlaAtRisk(
                new CaseId(row.id()),
                row.reference(),
                row.teamId(),
                row.officerId(),
                row.dueAt(),
                now));
      }
    }
    return rows.size();
  }

  /** Marks up to 500 newly breached cases; returns how many it looked at. */
  int markBatch(Instant now) {
    var rows = cases.newlyBreached(now, BATCH);
    for (CaseRow row : rows) {
      if (cases.markBreached(row.id(), now) == 1) {
        cases.addTimeline(
            row.id(),
            now,
            "system",
            "SLA",
            false,
            null,
            null,
            "SLA target passed (was due " + row.dueAt() + ")");
        events.publishEvent(
            new SlaBreached(
                new CaseId(row.id()),
                row.reference(),
                row.teamId(),
                row.officerId(),
                row.dueAt(),
                now));
      }
    }
    return rows.size();
  }
}
