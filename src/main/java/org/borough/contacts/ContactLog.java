// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseOpened;
import org.borough.cases.CaseReplySent;
import org.borough.contacts.internal.ContactRepository;
import org.borough.residents.Channel;
import org.borough.residents.ResidentErased;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.residents.ResidentsMerged;
import org.borough.system.Actors;
import org.borough.system.Errors;
import org.borough.system.Ids;
import org.borough.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs contacts and lists a resident's contact history. */
@Service
public class ContactLog {

  private final ContactRepository contacts;
  private final ResidentManagement residents;
  private final CaseManagement cases;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContactLog(
      ContactRepository contacts,
      ResidentManagement residents,
      CaseManagement cases,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contacts = contacts;
    this.residents = residents;
    this.cases = cases;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Logs a contact; when it names a case, the case's timeline shows it too.
   *
   * @throws org.borough.system.InvalidInputException for every field that is wrong
   */
  @PreAuthorize("hasAuthority('CONTACT_LOG')")
  @Transactional
  public Contact log(NewContact request) {
    Errors errors = new Errors();
    if (request.channel() == null) {
      errors.reject("channel", "Choose the channel");
    }
    if (request.direction() == null) {
      errors.reject(
          "direction", "Choose whether the resident contacted the council or the other way");
    }
    if (request.outcome() == null) {
      errors.reject("outcome", "Choose how the contact ended");
    }
    Instant now = clock.instant();
    Instant at = request.occurredAt() == null ? now : request.occurredAt();
    if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
      errors.reject("occurredAt", "A contact cannot be in the future");
    }
    if (request.durationSeconds() != null
        && (request.durationSeconds() < 0 || request.durationSeconds() > 86_400)) {
      errors.reject("durationSeconds", "Duration must be between 0 and 24 hours");
    }
    String summary = request.summary() == null ? null : request.summary().trim();
    if (summary != null && summary.length() > 2000) {
      errors.reject("summary", "Summary must be 2000 characters or fewer");
    }
    UUID residentId = null;
    if (request.resident() != null) {
      try {
        residentId = residents.current(request.resident()).value();
      } catch (NotFoundException e) {
        errors.reject("resident", "The resident was not found");
      }
    }
    UUID caseId = null;
    if (request.caseReference() != null && !request.caseReference().isBlank()) {
      caseId = cases.idOf(request.caseReference()).map(CaseId::value).orElse(null);
      if (caseId == null) {
        errors.reject("caseReference", "There is no case " + request.caseReference().trim());
      }
    }
    errors.throwIfAny();
    Contact contact =
        new Contact(
            new ContactId(Ids.next()),
            residentId,
            caseId,
            request.channel(),
            request.direction(),
            agent(),
            at,
            request.durationSeconds(),
            request.outcome(),
            request.outcome().resolvedAtFirstContact(),
            summary == null || summary.isEmpty() ? null : summary);
    contacts.insert(contact);
    if (caseId != null) {
      cases.recordContact(new CaseId(caseId), describe(contact));
    }
    if (residentId != null) {
      audit.record(
          AuditAction.CREATE, "resident", residentId.toString(), "contact logged " + contact.id());
    }
    events.publishEvent(logged(contact));
    return contact;
  }

  /** One contact; reading it is audited against its resident. */
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Transactional
  public Contact find(ContactId id) {
    Contact c = contacts.find(id.value()).orElseThrow(() -> new NotFoundException("Contact"));
    audit.record(AuditAction.VIEW, "contact", id.toString(), "contact read");
    return c;
  }

  /**
   * A resident's contacts, newest first; viewing them is audited with the resident. Also for
   * erasure, which must see what it would keep.
   */
  @PreAuthorize("hasAnyAuthority('RESIDENT_READ', 'ERASURE')")
  @Transactional(readOnly = true)
  public List<Contact> ofResident(ResidentId resident, int limit) {
    return contacts.ofResident(resident.value(), limit);
  }

  /** How many contacts a resident has, all of them (what erasure would keep as counts). */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional(readOnly = true)
  public long countOfResident(ResidentId resident) {
    return contacts.countOfResident(resident.value());
  }

  /**
   * A case raised from a contact links back to it, and its timeline shows the contact. Runs in the
   * transaction that opened the case.
   */
  @EventListener
  public void on(CaseOpened opened) {
    if (opened.contactId() == null) {
      return;
    }
    contacts
        .find(opened.contactId())
        .filter(c -> c.caseId() == null)
        .ifPresent(
            c -> {
              contacts.linkToCase(
                  c.id().value(), opened.caseId().value(), ContactOutcome.CASE_RAISED);
              cases.recordContact(opened.caseId(), describe(c));
              events.publishEvent(new ContactLinkedToCase(c.id(), opened.caseId().value()));
            });
  }

  /**
   * A reply to a case's reporter is an outbound email contact with them, logged in the reply's
   * transaction. The timeline already shows the reply, so no contact line is added there.
   */
  @EventListener
  public void on(CaseReplySent reply) {
    Contact contact =
        new Contact(
            new ContactId(Ids.next()),
            reply.residentId(),
            reply.caseId().value(),
            Channel.EMAIL,
            Direction.OUTBOUND,
            agent(),
            reply.at(),
            null,
            ContactOutcome.CASE_UPDATED,
            ContactOutcome.CASE_UPDATED.resolvedAtFirstContact(),
            "Email reply to the reporter");
    contacts.insert(contact);
    audit.record(
        AuditAction.CREATE,
        "resident",
        reply.residentId().toString(),
        "contact logged " + contact.id());
    events.publishEvent(logged(contact));
  }

  /** A merge moves the duplicate's contacts to the kept resident, in the merge's transaction. */
  @EventListener
  public void on(ResidentsMerged merged) {
    contacts.moveResident(merged.merged().value(), merged.kept().value());
  }

  /**
   * Contacts that occurred before {@code cutoff} and still name a resident or hold a summary: what
   * the retention schedule would make anonymous.
   */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional(readOnly = true)
  public long countDueForRetention(Instant cutoff) {
    return contacts.countIdentifiableBefore(cutoff);
  }

  /** Keeps them as anonymous counts (channel, time, outcome); returns how many. */
  @PreAuthorize("hasAuthority('ERASURE')")
  @Transactional
  public int anonymiseDueForRetention(Instant cutoff) {
    int n = contacts.anonymiseBefore(cutoff);
    if (n > 0) {
      audit.record(AuditAction.DELETE, "contact", "*", "retention: " + n + " contacts anonymised");
    }
    return n;
  }

  /** An erasure keeps the resident's contacts as anonymous counts, in the erasure's transaction. */
  @EventListener
  public void on(ResidentErased erased) {
    contacts.anonymise(erased.residentId().value());
  }

  static String describe(Contact c) {
    return c.channel().label()
        + " contact, "
        + c.direction().name().toLowerCase()
        + ": "
        + c.outcome().label()
        + (c.summary() == null ? "" : " — " + c.summary());
  }

  static ContactLogged logged(Contact c) {
    return new ContactLogged(
        c.id(),
        c.residentId(),
        c.caseId(),
        c.channel().name(),
        c.direction().name(),
        c.outcome().name(),
        c.resolvedAtFirstContact(),
        c.durationSeconds(),
        c.occurredAt());
  }

  private static String agent() {
    return Actors.current();
  }
}
