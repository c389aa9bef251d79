// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseSummary;
import org.borough.contacts.ContactLog;
import org.borough.residents.ResidentErasure;
import org.borough.residents.ResidentId;
import org.borough.system.Actors;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.NotFoundException;
import org.borough.system.WorkingCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right to erasure (UK GDPR Art. 17) and the legal holds that stop it. An erasure removes the
 * person from every module in one transaction ({@link ResidentErasure}) and keeps their cases and
 * contacts as anonymous records for statistics; it is refused, with each reason, while a hold is in
 * place or a case is not closed (the council still owes the resident an answer, and a closed case
 * is the one whose record it no longer needs).
 */
@Service
public class Erasure {

  static final int REASON_MAX = 500;
  // More than any one person has; a count past it would only be a lower bound in the register.
  private static final int MOST = 10_000;

  private final ErasureRepository repository;
  private final ResidentErasure residents;
  private final CaseManagement cases;
  private final ContactLog contacts;
  private final AuditLog audit;
  private final ZoneId zone;
  private final Clock clock;

  Erasure(
      ErasureRepository repository,
      ResidentErasure residents,
      CaseManagement cases,
      ContactLog contacts,
      AuditLog audit,
      WorkingCalendar calendar,
      Clock clock) {
    this.repository = repository;
    this.residents = residents;
    this.cases = cases;
    this.contacts = contacts;
    this.audit = audit;
    this.zone = calendar.zone();
    this.clock = clock;
  }

  /**
   * What erasing the resident would do, and why it cannot be done yet.
   *
   * @param records the record and those merged into it
   * @param cases their cases
   * @param contacts how many contacts they have
   * @param refusals why the erasure would be refused; empty when it can go ahead
   */
  public record Check(
      List<ResidentId> records,
      List<CaseSummary> cases,
      int contacts,
      List<LegalHold> holds,
      List<String> refusals) {

    public boolean allowed() {
      return refusals.isEmpty();
    }
  }

  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional(readOnly = true)
  public Check check(ResidentId resident) {
    List<ResidentId> records = residents.wholePerson(resident);
    List<CaseSummary> theirCases = new ArrayList<>();
    List<LegalHold> holds = new ArrayList<>();
    int contactCount = 0;
    for (ResidentId r : records) {
      theirCases.addAll(cases.ofResident(r, MOST));
      // Counted, not loaded: a resident who rang every week for years has thousands.
      contactCount += Math.toIntExact(contacts.countOfResident(r));
      holds.addAll(repository.holdsOf(r));
    }
    List<String> refusals = new ArrayList<>();
    DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(zone);
    for (LegalHold h : holds) {
      if (h.active()) {
        refusals.add(
            "A legal hold is in place (placed by "
                + h.placedBy()
                + " on "
                + day.format(h.placedAt())
                + "): "
                + h.reason());
      }
    }
    List<String> open =
        theirCases.stream()
            // Resolved may still be reopened; closed, cancelled and duplicate are finished.
            .filter(c -> c.status().active() || c.status() == CaseStatus.RESOLVED)
            .map(CaseSummary::reference)
            .toList();
    if (!open.isEmpty()) {
      String shown =
          String.join(", ", open.subList(0, Math.min(open.size(), 10)))
              + (open.size() > 10 ? " and " + (open.size() - 10) + " more" : "");
      refusals.add(
          (open.size() == 1 ? "A case is not closed: " : open.size() + " cases are not closed: ")
              + shown
              + ". Close them before erasing the resident");
    }
    return new Check(List.copyOf(records), theirCases, contactCount, holds, refusals);
  }

  /**
   * Erases the resident and every record merged into it, and notes the erasure in the register.
   *
   * @throws org.borough.system.InvalidInputException when the reason is missing or too long
   * @throws ConflictException naming every reason when a hold or an unclosed case stops it
   */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional
  public ErasureRecord erase(ResidentId resident, String reason) {
    String why = reason == null ? "" : reason.strip();
    Errors errors = new Errors();
    if (why.isEmpty()) {
      errors.reject("reason", "Enter why the resident's personal data is being erased");
    } else if (why.length() > REASON_MAX) {
      errors.reject("reason", "The reason must be " + REASON_MAX + " characters or fewer");
    }
    errors.throwIfAny();
    Check check = check(resident);
    if (!check.allowed()) {
      throw new ConflictException(
          "The resident's personal data cannot be erased: " + String.join("; ", check.refusals()));
    }
    residents.erase(resident);
    for (ResidentId r : check.records()) {
      repository.forgetWordsAbout(r);
    }
    ErasureRecord record =
        new ErasureRecord(
            UUID.randomUUID(),
            resident,
            why,
            Actors.current(),
            clock.instant(),
            check.records().size(),
            check.cases().size(),
            check.contacts());
    repository.insertErasure(record);
    audit.record(
        AuditAction.DELETE,
        "resident",
        resident.toString(),
        "erasure (Art. 17): "
            + record.residentsErased()
            + " records, "
            + record.casesAnonymised()
            + " cases and "
            + record.contactsAnonymised()
            + " contacts anonymised");
    return record;
  }

  /** The erasure of a resident, if they were erased through the register. */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional(readOnly = true)
  public java.util.Optional<ErasureRecord> erasureOf(ResidentId resident) {
    return repository.erasureOf(resident);
  }

  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional(readOnly = true)
  public List<ErasureRecord> latest(int limit) {
    return repository.latestErasures(limit);
  }

  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional(readOnly = true)
  public List<LegalHold> holdsOf(ResidentId resident) {
    return repository.holdsOf(resident);
  }

  /** Places a legal hold; refused when the reason is missing or too long. */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional
  public LegalHold placeHold(ResidentId resident, String reason) {
    residents.wholePerson(resident); // exists, not merged away, not erased
    String why = reason == null ? "" : reason.strip();
    Errors errors = new Errors();
    if (why.isEmpty()) {
      errors.reject("holdReason", "Enter why the records must be kept");
    } else if (why.length() > REASON_MAX) {
      errors.reject("holdReason", "The reason must be " + REASON_MAX + " characters or fewer");
    }
    errors.throwIfAny();
    LegalHold hold =
        new LegalHold(
            UUID.randomUUID(), resident, why, Actors.current(), clock.instant(), null, null);
    repository.insertHold(hold);
    audit.record(AuditAction.UPDATE, "resident", resident.toString(), "legal hold placed");
    return hold;
  }

  /** Lifts a hold; the resident it was on. */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional
  public ResidentId liftHold(UUID hold) {
    LegalHold found = repository.hold(hold).orElseThrow(() -> new NotFoundException("Legal hold"));
    if (!repository.liftHold(hold, Actors.current(), clock.instant())) {
      throw new ConflictException("This legal hold has already been lifted");
    }
    audit.record(AuditAction.UPDATE, "resident", found.resident().toString(), "legal hold lifted");
    return found.resident();
  }
}
