// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.borough.cases.internal.CaseRepository;
import org.springframework.stereotype.Component;

/**
 * Takes the personal data out of one case and keeps the rest for statistics (see {@link
 * CaseRepository#anonymise}); its files go once the transaction commits. Shared by erasure and the
 * retention schedule, which differ only in why.
 */
@Component
class CaseAnonymiser {

  private final CaseRepository cases;
  private final CaseAttachments attachments;
  private final Clock clock;

  CaseAnonymiser(CaseRepository cases, CaseAttachments attachments, Clock clock) {
    this.cases = cases;
    this.attachments = attachments;
    this.clock = clock;
  }

  /**
   * @param kind the timeline entry's kind: ERASURE or RETENTION
   * @param description what the case's description becomes
   * @param why the timeline entry that says what happened
   */
  void anonymise(UUID caseId, String kind, String description, String why) {
    Instant now = clock.instant();
    attachments.deleteAll(caseId);
    cases.anonymise(caseId, description, now);
    cases.addTimeline(caseId, now, CaseManagement.actor(), kind, false, null, null, why);
  }
}
