// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseOpened;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.complaints.internal.ComplaintRepository;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.StaleEditException;
import org.borough.system.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works complaints through their stages. Every case opened for a complaint service, on any channel,
 * becomes a complaint at stage 1 in the same transaction. Each action changes the stage's clocks
 * and, through the cases module, the case: its status and deadline, a line on its timeline, and a
 * message to the resident where the code says they must be told.
 */
@Service
public class Complaints {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** Room left in a reply (4000 characters) for what the resident can do next. */
  static final int MAX_RESPONSE = 3000;

  private final ComplaintRepository complaints;
  private final ServiceCatalogue catalogue;
  private final CaseManagement cases;
  private final WorkingCalendar calendar;
  private final ComplaintsProperties clocks;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Complaints(
      ComplaintRepository complaints,
      ServiceCatalogue catalogue,
      CaseManagement cases,
      WorkingCalendar calendar,
      ComplaintsProperties clocks,
      Clock clock,
      ApplicationEventPublisher events) {
    this.complaints = complaints;
    this.catalogue = catalogue;
    this.cases = cases;
    this.calendar = calendar;
    this.clocks = clocks;
    this.clock = clock;
    this.events = events;
  }

  /** A case of a complaint service is a complaint from the moment it is opened. */
  @EventListener
  void opened(CaseOpened e) {
    boolean complaint =
        catalogue.find(e.serviceCode()).filter(s -> s.caseType() == CaseType.COMPLAINT).isPresent();
    if (complaint) {
      complaints.insert(e.caseId().value(), e.reference(), e.openedAt());
      complaints.insertStage(e.caseId().value(), stage(1, e.openedAt()));
      changed(e.caseId());
    }
  }

  /** The complaint behind a case reference. */
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Transactional(readOnly = true)
  public Complaint find(String reference) {
    return complaints
        .find(idOf(reference))
        .orElseThrow(() -> new NotFoundException("Complaint " + reference));
  }

  /** Whether a case is a complaint (for the case page's link to the complaint's own). */
  @Transactional(readOnly = true)
  public boolean isComplaint(String reference) {
    return complaints.idByReference(normal(reference)).isPresent();
  }

  /** Complaints waiting for a response, the soonest deadline first. */
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Transactional(readOnly = true)
  public List<Complaint> open(int limit) {
    return complaints.open(limit);
  }

  /**
   * Records the stage's acknowledgement and tells the resident when they will hear: by the stage's
   * response deadline.
   */
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Transactional
  public void acknowledge(String reference) {
    Complaint c = find(reference);
    ComplaintStage s = openStage(c);
    if (s.acknowledgedAt() != null) {
      throw new ConflictException("Stage " + s.stage() + " was already acknowledged");
    }
    Instant now = now();
    save(c, s, with(s, now, s.respondBy(), s.extensionReason(), null, null));
    String text =
        "We have received your complaint "
            + c.reference()
            + (s.stage() == 2 ? " at stage 2 of our complaints procedure" : "")
            + ". We will send you our response by "
            + day(s.respondBy())
            + ".";
    tell(c, text, "Stage " + s.stage() + " acknowledged");
  }

  /**
   * Gives the stage's response more time, up to the code's limit past the first deadline, and tells
   * the resident why and the new date.
   *
   * @throws InvalidInputException when the date or the reason is missing or not allowed
   */
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Transactional
  public void extend(String reference, LocalDate until, String reason) {
    Complaint c = find(reference);
    ComplaintStage s = openStage(c);
    Errors errors = new Errors();
    LocalDate current = s.respondBy().atZone(calendar.zone()).toLocalDate();
    LocalDate first = s.firstRespondBy().atZone(calendar.zone()).toLocalDate();
    LocalDate latest = calendar.addWorkingDays(first, clocks.extensionDays(s.stage()));
    if (until == null) {
      errors.reject("until", "Enter the new date for the response");
    } else if (!until.isAfter(current)) {
      errors.reject("until", "The new date must be after " + DAY.format(current));
    } else if (until.isAfter(latest)) {
      errors.reject(
          "until",
          "An extension at stage "
              + s.stage()
              + " can be at most "
              + clocks.extensionDays(s.stage())
              + " working days: the latest date is "
              + DAY.format(latest));
    } else if (!calendar.isWorkingDay(until)) {
      errors.reject("until", "The new date must be a working day");
    } else if (!calendar.endOfWorkingDay(until).isAfter(now())) {
      // An overdue response extended to a day already over: say so here, against the date.
      errors.reject("until", "The new date must be in the future");
    }
    String why = Inputs.requiredText(reason, "reason", "Say why more time is needed", 1000, errors);
    errors.throwIfAny();
    Instant respondBy = calendar.endOfWorkingDay(until);
    save(c, s, with(s, s.acknowledgedAt(), respondBy, why, null, null));
    cases.retime(c.caseId(), respondBy, "stage " + s.stage() + " response extended: " + why);
    tell(
        c,
        "We need more time to respond to your complaint "
            + c.reference()
            + ": "
            + why
            + " We will now send you our response by "
            + day(respondBy)
            + ".",
        null);
  }

  /**
   * Sends the stage's response to the resident with what they can do next, records its outcome and
   * resolves the case. At stage 2 this is the council's final response.
   */
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Transactional
  public void respond(String reference, Outcome outcome, String response) {
    Complaint c = find(reference);
    ComplaintStage s = openStage(c);
    Errors errors = new Errors();
    if (outcome == null) {
      errors.reject("outcome", "Choose whether the complaint is upheld");
    }
    String words =
        Inputs.requiredText(response, "response", "Write the response", MAX_RESPONSE, errors);
    errors.throwIfAny();
    Instant now = now();
    save(
        c,
        s,
        with(
            s,
            s.acknowledgedAt() == null ? now : s.acknowledgedAt(),
            s.respondBy(),
            s.extensionReason(),
            now,
            outcome));
    CaseView view = cases.view(c.caseId());
    if (view.summary().residentId() != null) {
      cases.replyToReporter(c.caseId(), words + "\n\n" + nextSteps(c, s.stage()));
    }
    if (view.status().active()) {
      cases.changeStatus(
          c.caseId(),
          CaseStatus.RESOLVED,
          "Stage " + s.stage() + " response sent: " + outcome.label().toLowerCase(),
          true,
          null,
          null);
    }
  }

  /** Starts stage 2 after a stage 1 response the resident is not satisfied with. */
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Transactional
  public void escalate(String reference, String reason) {
    Complaint c = find(reference);
    Errors errors = new Errors();
    String why =
        Inputs.requiredText(
            reason, "reason", "Say why the resident is not satisfied", 1000, errors);
    errors.throwIfAny();
    if (!c.canEscalate()) {
      throw new ConflictException(
          c.current().stage() == 2
              ? "The complaint is already at stage 2"
              : "Stage 1 must be answered before the complaint can go to stage 2");
    }
    Instant now = now();
    ComplaintStage two = stage(2, now);
    complaints.insertStage(c.caseId().value(), two);
    changed(c.caseId());
    CaseStatus status = cases.view(c.caseId()).status();
    if (!status.active()) {
      cases.changeStatus(
          c.caseId(), CaseStatus.OPEN, "Escalated to stage 2: " + why, false, null, null);
    }
    cases.retime(c.caseId(), two.respondBy(), "stage 2 response due");
  }

  /** Records that the resident took the complaint to an Ombudsman, after a response. */
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Transactional
  public void refer(String reference, Ombudsman ombudsman, LocalDate on, String theirReference) {
    Complaint c = find(reference);
    Errors errors = new Errors();
    if (ombudsman == null) {
      errors.reject("ombudsman", "Choose the Ombudsman");
    }
    if (on == null) {
      errors.reject("referredOn", "Enter the date the Ombudsman told us");
    } else if (on.isAfter(LocalDate.now(clock.withZone(calendar.zone())))) {
      errors.reject("referredOn", "The date cannot be in the future");
    }
    String theirs = theirReference == null ? "" : theirReference.strip();
    if (theirs.length() > 60) {
      errors.reject("ombudsmanReference", "The Ombudsman's reference is 60 characters or fewer");
    }
    errors.throwIfAny();
    if (!c.answered()) {
      throw new ConflictException("A complaint goes to the Ombudsman after our response");
    }
    if (c.referred()) {
      throw new ConflictException("The referral to the Ombudsman is already recorded");
    }
    complaints.refer(c.caseId().value(), ombudsman, on, theirs.isEmpty() ? null : theirs);
    changed(c.caseId());
    cases.addNote(
        c.caseId(),
        "Referred to the "
            + ombudsman.label()
            + " on "
            + DAY.format(on)
            + (theirs.isEmpty() ? "" : " (their reference " + theirs + ")"),
        false);
  }

  /** Links a service case the complaint is about; the first sets the report's service. */
  @PreAuthorize("hasAuthority('COMPLAINT_HANDLE')")
  @Transactional
  public void link(String reference, String caseReference) {
    Complaint c = find(reference);
    String other = normal(caseReference);
    if (other.isEmpty()) {
      throw InvalidInputException.of("caseReference", "Enter the reference of the case");
    }
    if (other.equals(c.reference())) {
      throw InvalidInputException.of("caseReference", "A complaint cannot be about itself");
    }
    if (complaints.idByReference(other).isPresent()) {
      throw InvalidInputException.of(
          "caseReference", "Link the service cases the complaint is about, not another complaint");
    }
    CaseId linked =
        cases
            .idOf(other)
            .orElseThrow(
                () -> InvalidInputException.of("caseReference", "There is no case " + other));
    String service = cases.view(linked).summary().serviceCode();
    if (complaints.link(c.caseId().value(), linked.value(), other, service)) {
      changed(c.caseId());
      cases.addNote(c.caseId(), "The complaint is about case " + other, false);
    }
  }

  /** The instant the complaint handling code's clocks are read at. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private ComplaintStage stage(int number, Instant startedAt) {
    LocalDate day = startedAt.atZone(calendar.zone()).toLocalDate();
    Instant respondBy =
        calendar.endOfWorkingDay(calendar.addWorkingDays(day, clocks.respondDays(number)));
    return new ComplaintStage(
        number,
        startedAt,
        calendar.endOfWorkingDay(calendar.addWorkingDays(day, clocks.acknowledgeDays())),
        null,
        respondBy,
        respondBy,
        null,
        null,
        null);
  }

  private static ComplaintStage with(
      ComplaintStage s,
      Instant acknowledgedAt,
      Instant respondBy,
      String reason,
      Instant respondedAt,
      Outcome outcome) {
    return new ComplaintStage(
        s.stage(),
        s.startedAt(),
        s.acknowledgeBy(),
        acknowledgedAt,
        respondBy,
        s.firstRespondBy(),
        reason,
        respondedAt,
        outcome);
  }

  private void save(Complaint c, ComplaintStage before, ComplaintStage after) {
    if (!complaints.updateStage(c.caseId().value(), before, after)) {
      throw new StaleEditException("complaint " + c.reference());
    }
    changed(c.caseId());
  }

  /** Publishes the complaint as it now stands, in the transaction of the change. */
  private void changed(CaseId id) {
    complaints.find(id.value()).map(ComplaintChanged::of).ifPresent(events::publishEvent);
  }

  /**
   * Every complaint as it stands, as the event its last change published: what a rebuild of the
   * warehouse reads, inside the caller's transaction.
   */
  public void forEachChanged(java.util.function.Consumer<ComplaintChanged> each) {
    complaints.forEach(c -> each.accept(ComplaintChanged.of(c)));
  }

  /** Complaint stages begun in each UTC hour, for the warehouse's reconciliation. */
  public java.util.Map<Instant, Long> stagesStartedPerHour() {
    return complaints.stagesStartedPerHour();
  }

  private static ComplaintStage openStage(Complaint c) {
    ComplaintStage s = c.current();
    if (!s.open()) {
      throw new ConflictException(
          "Stage "
              + s.stage()
              + " has been answered"
              + (c.canEscalate() ? ": escalate it first" : ""));
    }
    return s;
  }

  /** Writes to the resident if the case has one, else notes why not; with a staff-only line. */
  private void tell(Complaint c, String text, String note) {
    CaseView view = cases.view(c.caseId());
    if (view.summary().residentId() != null) {
      cases.replyToReporter(c.caseId(), text);
    } else {
      cases.addNote(c.caseId(), "Not sent, as the case has no reporter: " + text, false);
    }
    if (note != null) {
      cases.addNote(c.caseId(), note, false);
    }
  }

  private String nextSteps(Complaint c, int stage) {
    if (stage == 1) {
      return "If you are not satisfied with this response, you can ask us to look at your"
          + " complaint again at stage 2 of our complaints procedure. Reply to this message, or"
          + " contact us quoting "
          + c.reference()
          + ", and tell us why.";
    }
    return "This is our final response to your complaint "
        + c.reference()
        + ". If you are still not satisfied, you can ask the "
        + Ombudsman.LGSCO.label()
        + " ("
        + Ombudsman.LGSCO.website()
        + ", "
        + Ombudsman.LGSCO.phone()
        + ") to look at it or, if it is about your home and we are your landlord, the "
        + Ombudsman.HOUSING.label()
        + " ("
        + Ombudsman.HOUSING.website()
        + ", "
        + Ombudsman.HOUSING.phone()
        + ").";
  }

  private String day(Instant at) {
    return DAY.format(at.atZone(calendar.zone()));
  }

  private UUID idOf(String reference) {
    String ref = normal(reference);
    return complaints
        .idByReference(ref)
        .orElseThrow(() -> new NotFoundException("Complaint " + ref));
  }

  private static String normal(String reference) {
    return reference == null ? "" : reference.strip().toUpperCase(Locale.UK);
  }
}
