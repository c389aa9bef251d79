// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.system.Actors;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.WorkingCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of personal data breaches (Art. 33(5): every breach is documented, reported or not): what
 * was found and when, the assessment of the risk, the reports to the ICO and to the people
 * affected, and a dated history of each decision. Every change is also an audit entry.
 */
@Service
public class BreachLog {

  static final int SHOWN = 200;
  static final int SUMMARY_MAX = 200;
  static final int TEXT_MAX = 1000;

  private final BreachRepository breaches;
  private final AuditLog audit;
  private final Clock clock;
  private final ZoneId zone;

  BreachLog(BreachRepository breaches, AuditLog audit, Clock clock, WorkingCalendar calendar) {
    this.breaches = breaches;
    this.audit = audit;
    this.clock = clock;
    this.zone = calendar.zone();
  }

  /** A breach with its history, oldest first. */
  public record BreachWithHistory(Breach breach, List<Breach.HistoryEntry> history) {}

  /** Records a breach the council has just become aware of (at {@code foundAt}). */
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  @Transactional
  public Breach record(
      String summary, String dataAffected, Integer peopleAffected, Instant foundAt) {
    check(summary, dataAffected, peopleAffected, foundAt).throwIfAny();
    Breach breach =
        new Breach(
            UUID.randomUUID(),
            summary.strip(),
            dataAffected.strip(),
            peopleAffected,
            foundAt,
            clock.instant(),
            Actors.current(),
            null,
            null,
            null,
            null,
            null);
    breaches.insert(breach);
    note(breach.id(), "Breach recorded");
    audit.record(AuditAction.CREATE, "breach", breach.id().toString(), "breach recorded");
    return breach;
  }

  /** What is wrong with a breach's first record, every reason at once; empty when nothing. */
  public Errors check(
      String summary, String dataAffected, Integer peopleAffected, Instant foundAt) {
    Errors errors = new Errors();
    text(summary, "summary", "Say what happened", SUMMARY_MAX, errors);
    text(
        dataAffected,
        "dataAffected",
        "Say whose data and what kind of data it was",
        TEXT_MAX,
        errors);
    if (foundAt == null) {
      errors.reject("found", "Enter when the council became aware of the breach");
    } else if (foundAt.isAfter(clock.instant())) {
      errors.reject("found", "When the council became aware must be now or in the past");
    }
    if (peopleAffected != null && peopleAffected < 0) {
      errors.reject("peopleAffected", "The number of people affected cannot be negative");
    }
    return errors;
  }

  /** The assessment of the risk to people, with the reasons (kept in the history). */
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  @Transactional
  public void assess(UUID id, Breach.Risk risk, String reasons) {
    open(id);
    Errors errors = new Errors();
    if (risk == null) {
      errors.reject("risk", "Choose how likely the breach is to result in a risk to people");
    }
    String why = text(reasons, "reasons", "Give the reasons for the assessment", TEXT_MAX, errors);
    errors.throwIfAny();
    breaches.assess(id, risk);
    note(id, "Assessed: " + risk.label() + ". " + why);
  }

  @PreAuthorize("hasAuthority('BREACH_LOG')")
  @Transactional
  public void icoTold(UUID id, LocalDate on, String reference) {
    Breach breach = open(id);
    Errors errors = new Errors();
    checkDay(breach, on, "icoTold", "the ICO was told", errors);
    String ref = reference == null ? null : reference.strip();
    if (ref != null && ref.length() > 50) {
      errors.reject("icoReference", "The ICO's reference must be 50 characters or fewer");
    }
    errors.throwIfAny();
    breaches.icoTold(id, on, ref == null || ref.isEmpty() ? null : ref);
    note(
        id,
        "Reported to the ICO on "
            + on
            + (ref == null || ref.isEmpty() ? "" : ", reference " + ref));
  }

  @PreAuthorize("hasAuthority('BREACH_LOG')")
  @Transactional
  public void peopleTold(UUID id, LocalDate on) {
    Breach breach = open(id);
    Errors errors = new Errors();
    checkDay(breach, on, "peopleTold", "the people affected were told", errors);
    errors.throwIfAny();
    breaches.peopleTold(id, on);
    note(id, "The people affected were told on " + on);
  }

  @PreAuthorize("hasAuthority('BREACH_LOG')")
  @Transactional
  public void addNote(UUID id, String text) {
    open(id);
    Errors errors = new Errors();
    String note = text(text, "note", "Enter the note", TEXT_MAX, errors);
    errors.throwIfAny();
    note(id, note);
  }

  /** Closes the breach; refused while a report the law requires is still to be made. */
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  @Transactional
  public void close(UUID id) {
    Breach breach = open(id);
    Errors errors = new Errors();
    if (breach.risk() == null) {
      errors.reject("risk", "Assess the risk before closing the breach");
    } else if (breach.icoReportDue()) {
      errors.reject("icoTold", "Record the report to the ICO before closing the breach");
    } else if (breach.peopleMustBeTold()) {
      errors.reject("peopleTold", "Record telling the people affected before closing the breach");
    }
    errors.throwIfAny();
    breaches.close(id, clock.instant());
    note(id, "Closed");
  }

  @PreAuthorize("hasAuthority('BREACH_LOG')")
  @Transactional
  public BreachWithHistory find(UUID id) {
    Breach breach = breaches.find(id).orElseThrow(() -> new NotFoundException("Breach"));
    audit.record(AuditAction.VIEW, "breach", id.toString(), "breach read");
    return new BreachWithHistory(breach, breaches.entries(id));
  }

  /** Open breaches first, then the latest found. */
  @PreAuthorize("hasAuthority('BREACH_LOG')")
  @Transactional(readOnly = true)
  public List<Breach> all() {
    return breaches.all(SHOWN);
  }

  public Instant now() {
    return clock.instant();
  }

  public ZoneId zone() {
    return zone;
  }

  private Breach open(UUID id) {
    Breach breach = breaches.find(id).orElseThrow(() -> new NotFoundException("Breach"));
    if (!breach.open()) {
      throw InvalidInputException.of("breach", "This breach is closed");
    }
    return breach;
  }

  private void checkDay(Breach breach, LocalDate on, String field, String what, Errors errors) {
    LocalDate found = LocalDate.ofInstant(breach.foundAt(), zone);
    if (on == null) {
      errors.reject(field, "Enter the date " + what);
    } else if (on.isBefore(found) || on.isAfter(LocalDate.now(clock.withZone(zone)))) {
      errors.reject(
          field, "The date " + what + " must be between the day the breach was found and today");
    }
  }

  private void note(UUID id, String text) {
    breaches.addEntry(id, clock.instant(), Actors.current(), text);
    audit.record(
        AuditAction.UPDATE,
        "breach",
        id.toString(),
        text.length() > 120 ? text.substring(0, 120) : text);
  }

  private static String text(String value, String field, String missing, int max, Errors errors) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      errors.reject(field, missing);
    } else if (v.length() > max) {
      errors.reject(field, "This must be " + max + " characters or fewer");
    }
    return v;
  }
}
