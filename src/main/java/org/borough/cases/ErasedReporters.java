// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.borough.cases.internal.CaseRepository;
import org.borough.residents.ResidentErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps an erased resident's cases as anonymous records for statistics (UK GDPR Art. 17; the
 * privacy module refuses erasure while any of them is open). Synchronous on purpose: it runs in the
 * erasure's transaction, so a case never outlives its reporter's erasure with their words in it.
 */
@Component
class ErasedReporters {

  static final String DESCRIPTION = "Removed: the reporter's personal data was erased";

  private final CaseRepository cases;
  private final CaseAttachments attachments;
  private final Clock clock;

  ErasedReporters(CaseRepository cases, CaseAttachments attachments, Clock clock) {
    this.cases = cases;
    this.attachments = attachments;
    this.clock = clock;
  }

  @EventListener
  void on(ResidentErased erased) {
    UUID resident = erased.residentId().value();
    Instant now = clock.instant();
    for (UUID id : cases.idsOfResident(resident)) {
      attachments.deleteAll(id);
      cases.anonymise(id, DESCRIPTION, now);
      cases.addTimeline(
          id,
          now,
          CaseManagement.actor(),
          "ERASURE",
          false,
          null,
          null,
          "The reporter's personal data was erased (UK GDPR Art. 17); the case is kept as an"
              + " anonymous record");
    }
    cases.deleteFollows(resident);
  }
}
