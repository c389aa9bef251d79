// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.residents.internal.ResidentRepository;
import org.borough.system.ConflictException;
import org.borough.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a resident's personal data from the resident tables and tells the other modules to do the
 * same with theirs ({@link ResidentErased}, in this transaction). Whether the council may erase
 * (legal holds, open cases) is the privacy module's decision, made before it calls here.
 */
@Service
public class ResidentErasure {

  private static final String SUBJECT = "resident";

  private final ResidentRepository residents;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ResidentErasure(
      ResidentRepository residents, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
    this.residents = residents;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** When the resident's personal data was erased, or empty. */
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Transactional(readOnly = true)
  public Optional<Instant> erasedAt(ResidentId id) {
    return residents.erasedAt(id.value());
  }

  /**
   * The record and every record merged into it (the same person, registered twice): what an erasure
   * of {@code id} erases.
   */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional(readOnly = true)
  public List<ResidentId> wholePerson(ResidentId id) {
    var row = residents.find(id.value()).orElseThrow(() -> new NotFoundException("Resident"));
    if (row.mergedInto() != null) {
      throw new ConflictException(
          "This record was merged into another: erase the record it was merged into");
    }
    if (residents.erasedAt(id.value()).isPresent()) {
      throw new ConflictException("This resident's personal data has already been erased");
    }
    List<ResidentId> all = new ArrayList<>();
    all.add(id);
    residents.mergedInto(id.value()).forEach(m -> all.add(new ResidentId(m)));
    return all;
  }

  /**
   * Erases the resident and the records merged into it; returns the records erased. Runs in the
   * caller's transaction, so the privacy module's register entry commits with it or not at all.
   */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional
  public List<ResidentId> erase(ResidentId id) {
    List<ResidentId> all = wholePerson(id);
    Instant now = clock.instant();
    for (ResidentId r : all) {
      UUID value = r.value();
      if (residents.erasedAt(value).isPresent()) {
        continue; // a duplicate erased on its own before the merge
      }
      List<String> emails = residents.emails(value);
      if (!emails.isEmpty()) {
        events.publishEvent(new ErasedEmails(emails));
      }
      residents.erase(value, now);
      audit.record(AuditAction.DELETE, SUBJECT, value.toString(), "personal data erased");
      events.publishEvent(new ResidentErased(r));
    }
    return all;
  }
}
