// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.List;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.internal.CaseRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases the retention schedule has reached: finished before a service's cutoff, their personal data
 * still there. The privacy module decides the cutoffs; this finds and anonymises.
 */
@Service
public class CaseRetention {

  static final String DESCRIPTION = "Removed: the case passed its retention period";

  private final CaseRepository cases;
  private final CaseAnonymiser anonymiser;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  CaseRetention(
      CaseRepository cases,
      CaseAnonymiser anonymiser,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.cases = cases;
    this.anonymiser = anonymiser;
    this.audit = audit;
    this.events = events;
  }

  /** How many of the service's cases finished before {@code cutoff} still hold personal data. */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional(readOnly = true)
  public long countDue(String serviceCode, Instant cutoff) {
    return cases.countFinishedBefore(serviceCode, cutoff);
  }

  /** The references of the first {@code limit} of them, oldest first (the dry run's examples). */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional(readOnly = true)
  public List<String> referencesDue(String serviceCode, Instant cutoff, int limit) {
    return cases.finishedBefore(serviceCode, cutoff, limit).stream()
        .map(CaseRepository.Finished::reference)
        .toList();
  }

  /**
   * Anonymises up to {@code limit} of them in this transaction; returns how many. The warehouse
   * hears that each no longer has a resident ({@link CaseResidentChanged}).
   */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional
  public int anonymiseDue(String serviceCode, Instant cutoff, int limit) {
    List<CaseRepository.Finished> due = cases.finishedBefore(serviceCode, cutoff, limit);
    for (CaseRepository.Finished c : due) {
      anonymiser.anonymise(
          c.id(),
          "RETENTION",
          DESCRIPTION,
          "The case passed its retention period: its personal data was removed and it is kept"
              + " as an anonymous record");
      audit.record(AuditAction.DELETE, CaseManagement.SUBJECT, c.id().toString(), "retention");
      if (c.residentId() != null) {
        events.publishEvent(new CaseResidentChanged(new CaseId(c.id()), c.residentId(), null));
      }
    }
    return due.size();
  }
}
