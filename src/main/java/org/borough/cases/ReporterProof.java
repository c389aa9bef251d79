// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.internal.CaseRepository;
import org.borough.cases.internal.CaseRow;
import org.borough.residents.ResidentId;
import org.borough.system.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a resident's link to a case rests on proof. A report or a follow made on the portal
 * without signing in, or sent by an Open311 application, names its resident by an email address or
 * a phone number that anyone could type. The case stays linked to that resident, so the council can
 * reach them and they hear about it, but the resident's portal account neither lists it nor opens
 * it as theirs until the address is proved by the link emailed to it: otherwise anyone could put
 * words into another person's account, and read the replies there. A link made while signed in, or
 * by staff who spoke to the resident, is proven from the start.
 */
@Service
public class ReporterProof {

  private final CaseRepository cases;
  private final AuditLog audit;
  private final Clock clock;

  ReporterProof(CaseRepository cases, AuditLog audit, Clock clock) {
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
  }

  /** The case's reporter was named by details anyone could type. */
  @PreAuthorize("hasAuthority('CASE_RAISE')")
  @Transactional
  public void reporterUnproven(CaseId id) {
    cases.markReporterUnproven(id.value());
  }

  /** The resident's follow of the case was asked for by details anyone could type. */
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  @Transactional
  public void followUnproven(String reference, ResidentId resident) {
    cases.markFollowUnproven(find(reference).id(), resident.value());
  }

  /**
   * The residents proved the address the case was linked to them by: from now on their accounts
   * list the case. Noted on the case's timeline and audited when something changed.
   *
   * @return whether any of them reports or follows the case by a proven link now
   */
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  @Transactional
  public boolean prove(String reference, List<ResidentId> residents) {
    CaseRow row = find(reference);
    List<UUID> ids = residents.stream().map(ResidentId::value).toList();
    if (cases.proveLinks(row.id(), ids) > 0) {
      cases.addTimeline(
          row.id(),
          clock.instant(),
          CaseManagement.actor(),
          "PROOF",
          false,
          null,
          null,
          "The resident proved their email address by the link sent to it");
      audit.record(
          AuditAction.UPDATE,
          CaseManagement.SUBJECT,
          row.id().toString(),
          "resident's link proved");
    }
    return cases.provenLink(row.id(), ids);
  }

  /** Whether any of the residents reports or follows the case by a proven link. */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public boolean proven(String reference, List<ResidentId> residents) {
    return cases.provenLink(
        find(reference).id(), residents.stream().map(ResidentId::value).toList());
  }

  private CaseRow find(String reference) {
    String ref = reference == null ? "" : reference.trim().toUpperCase();
    return cases.findByReference(ref).orElseThrow(() -> new NotFoundException("Case " + ref));
  }
}
