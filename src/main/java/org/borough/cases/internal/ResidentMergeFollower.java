// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.time.Clock;
import org.borough.cases.CaseId;
import org.borough.cases.CaseResidentChanged;
import org.borough.residents.ResidentsMerged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves a merged resident's cases to the record that was kept. Synchronous on purpose: it runs in
 * the merge's transaction, so a merge never leaves cases pointing at the duplicate.
 */
@Component
class ResidentMergeFollower {

  private final CaseRepository cases;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ResidentMergeFollower(CaseRepository cases, ApplicationEventPublisher events, Clock clock) {
    this.cases = cases;
    this.events = events;
    this.clock = clock;
  }

  @EventListener
  void on(ResidentsMerged merged) {
    var ids = cases.idsOfResident(merged.merged().value());
    cases.moveResident(merged.merged().value(), merged.kept().value());
    cases.moveFollowers(merged.merged().value(), merged.kept().value());
    for (var id : ids) {
      cases.addTimeline(
          id,
          clock.instant(),
          "system",
          "MERGE",
          false,
          null,
          null,
          "Resident record merged into another; case moved with it");
      events.publishEvent(
          new CaseResidentChanged(new CaseId(id), merged.merged().value(), merged.kept().value()));
    }
  }
}
