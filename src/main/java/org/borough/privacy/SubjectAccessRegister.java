// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.residents.ResidentId;
import org.borough.system.Actors;
import org.borough.system.Errors;
import org.borough.system.NotFoundException;
import org.borough.system.WorkingCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of subject access requests: when each came, when the law says it must be answered,
 * and when it was. UK GDPR gives one calendar month from the day a request is received; the ICO's
 * guidance moves the deadline to the last day of the next month when it has no such date (31
 * January gives 28 or 29 February) and to the next working day when it falls on a weekend or a bank
 * holiday.
 */
@Service
public class SubjectAccessRegister {

  static final int WHO_ASKED_MAX = 200;

  private final SubjectAccessRepository requests;
  private final WorkingCalendar calendar;
  private final AuditLog audit;
  private final Clock clock;

  SubjectAccessRegister(
      SubjectAccessRepository requests, WorkingCalendar calendar, AuditLog audit, Clock clock) {
    this.requests = requests;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  /** The statutory deadline of a request received on {@code received}. */
  public LocalDate dueOn(LocalDate received) {
    return calendar.addWorkingDays(received.plusMonths(1), 0);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(calendar.zone()));
  }

  /**
   * Records a request received on {@code receivedOn}; refused (with every reason) when the date is
   * in the future or who asked is missing or too long.
   */
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  @Transactional
  public SubjectAccessRequest record(ResidentId resident, LocalDate receivedOn, String whoAsked) {
    Errors errors = new Errors();
    if (receivedOn == null) {
      errors.reject("received", "Enter the date the request was received");
    } else if (receivedOn.isAfter(today())) {
      errors.reject("received", "The date the request was received must be today or in the past");
    }
    String who = whoAsked == null ? "" : whoAsked.strip();
    if (who.isEmpty()) {
      errors.reject("whoAsked", "Say who asked and how, for example 'the resident, by email'");
    } else if (who.length() > WHO_ASKED_MAX) {
      errors.reject("whoAsked", "Who asked must be " + WHO_ASKED_MAX + " characters or fewer");
    }
    errors.throwIfAny();
    return insert(resident, receivedOn, who, false);
  }

  /**
   * Notes that a pack of the resident's data was made. A pack made with no request open (asked for
   * through the API, say) opens one received today, so that every disclosure is on the register.
   */
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  @Transactional
  public void packMade(ResidentId resident) {
    if (requests.packMade(resident, clock.instant()) == 0) {
      insert(resident, today(), "Recorded when the pack was made, with no request open", true);
    }
  }

  /** Records that the council answered the request on {@code on}. */
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  @Transactional
  public SubjectAccessRequest respond(UUID id, LocalDate on) {
    SubjectAccessRequest request = find(id);
    Errors errors = new Errors();
    if (on == null) {
      errors.reject("responded", "Enter the date the response was sent");
    } else if (on.isAfter(today()) || on.isBefore(request.receivedOn())) {
      errors.reject(
          "responded",
          "The date the response was sent must be between the day the request was received and"
              + " today");
    }
    errors.throwIfAny();
    if (!requests.respond(id, on, Actors.current())) {
      errors.reject("responded", "This request was already answered").throwIfAny();
    }
    audit.record(
        AuditAction.UPDATE, "resident", request.resident().toString(), "subject access answered");
    return find(id);
  }

  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  @Transactional(readOnly = true)
  public SubjectAccessRequest find(UUID id) {
    return requests.find(id).orElseThrow(() -> new NotFoundException("Subject access request"));
  }

  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  @Transactional(readOnly = true)
  public List<SubjectAccessRequest> ofResident(ResidentId resident) {
    return requests.ofResident(resident);
  }

  /** Open requests, soonest due first. */
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  @Transactional(readOnly = true)
  public List<SubjectAccessRequest> open() {
    return requests.open();
  }

  /** The latest answered requests. */
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  @Transactional(readOnly = true)
  public List<SubjectAccessRequest> answered(int limit) {
    return requests.answered(limit);
  }

  private SubjectAccessRequest insert(
      ResidentId resident, LocalDate receivedOn, String whoAsked, boolean packMade) {
    SubjectAccessRequest request =
        new SubjectAccessRequest(
            UUID.randomUUID(),
            resident,
            receivedOn,
            dueOn(receivedOn),
            whoAsked,
            Actors.current(),
            clock.instant(),
            packMade ? clock.instant() : null,
            null,
            null);
    requests.insert(request);
    audit.record(
        AuditAction.CREATE, "resident", resident.toString(), "subject access request recorded");
    return request;
  }
}
