// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseOpened;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.information.internal.InformationRequestRepository;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.FinancialYears;
import org.borough.system.Inputs;
import org.borough.system.NotFoundException;
import org.borough.system.StaleEditException;
import org.borough.system.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers requests for information. A case opened for an FOI or EIR service becomes a request in
 * the same transaction, due 20 working days after receipt. Each step changes the request's clock
 * and, through the cases module, the case: its status and deadline, a line on its timeline, and a
 * message to the requester.
 */
@Service
public class InformationRequests {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** Room left in a reply (4000 characters) for the requester's rights. */
  static final int MAX_RESPONSE = 3000;

  private final InformationRequestRepository requests;
  private final ServiceCatalogue catalogue;
  private final CaseManagement cases;
  private final WorkingCalendar calendar;
  private final InformationProperties clocks;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  InformationRequests(
      InformationRequestRepository requests,
      ServiceCatalogue catalogue,
      CaseManagement cases,
      WorkingCalendar calendar,
      InformationProperties clocks,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.requests = requests;
    this.catalogue = catalogue;
    this.cases = cases;
    this.calendar = calendar;
    this.clocks = clocks;
    this.clock = clock;
  }

  /** A case of an FOI or EIR service is a request for information from the moment it opens. */
  @EventListener
  void opened(CaseOpened e) {
    CaseType type = catalogue.find(e.serviceCode()).map(s -> s.caseType()).orElse(CaseType.REQUEST);
    if (type == CaseType.FOI || type == CaseType.EIR) {
      Instant due = after(e.openedAt(), clocks.responseDays());
      InformationRequest r =
          new InformationRequest(
              e.caseId(),
              e.reference(),
              Regime.valueOf(type.name()),
              e.openedAt(),
              due,
              due,
              null,
              null,
              null,
              null,
              null,
              List.of(),
              null,
              null,
              null,
              null,
              null,
              null);
      requests.insert(r);
      events.publishEvent(InformationRequestChanged.of(r));
    }
  }

  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Transactional(readOnly = true)
  public InformationRequest find(String reference) {
    String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.UK);
    return requests
        .findByReference(ref)
        .orElseThrow(() -> new NotFoundException("Request for information " + ref));
  }

  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Transactional(readOnly = true)
  public List<InformationRequest> open(int limit) {
    return requests.open(limit);
  }

  /** The published responses, newest first: public, as they name no one. */
  @Transactional(readOnly = true)
  public List<InformationRequest> disclosureLog(int page, int size) {
    return requests.disclosureLog(Math.max(0, page) * size, size);
  }

  /**
   * Asks the requester what they want, which stops the clock: it starts again, with 20 working
   * days, when they answer (FOI s.1(3), EIR reg 9(4)).
   */
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Transactional
  public void askForClarification(String reference, String question) {
    InformationRequest r = find(reference);
    Errors errors = new Errors();
    String words =
        Inputs.requiredText(
            question, "question", "Write what the requester should clarify", 2000, errors);
    errors.throwIfAny();
    if (r.answered() || r.awaitingClarification()) {
      throw new ConflictException(
          r.answered()
              ? "The request has been answered"
              : "A clarification has been asked for already");
    }
    save(r, with(r).clarificationAskedAt(now()).build());
    cases.replyToReporter(
        r.caseId(),
        "Before we can answer your request "
            + r.reference()
            + ", we need you to tell us: "
            + words
            + "\n\nWe will answer within "
            + clocks.responseDays()
            + " working days of hearing from you. If we do not hear from you within two months,"
            + " we will treat the request as withdrawn.");
    CaseStatus status = cases.view(r.caseId()).status();
    if (status != CaseStatus.ON_HOLD && status.next().contains(CaseStatus.ON_HOLD)) {
      cases.changeStatus(
          r.caseId(),
          CaseStatus.ON_HOLD,
          "Waiting for the requester to clarify",
          false,
          null,
          null);
    }
  }

  /** Records the requester's clarification: the 20 working days start again from today. */
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Transactional
  public void clarified(String reference) {
    InformationRequest r = find(reference);
    if (!r.awaitingClarification()) {
      throw new ConflictException("No clarification is being waited for");
    }
    Instant now = now();
    Instant due = after(now, clocks.responseDays());
    save(r, with(r).clarifiedAt(now).dueBy(due).firstDueBy(due).build());
    if (cases.view(r.caseId()).status() == CaseStatus.ON_HOLD) {
      cases.changeStatus(
          r.caseId(), CaseStatus.OPEN, "The requester clarified the request", false, null, null);
    }
    cases.retime(r.caseId(), due, "clarified: the 20 working days start again");
  }

  /**
   * Gives the response more time, at most 20 working days past the first deadline, with the reason
   * the requester is sent (FOI s.10(3); EIR reg 7).
   */
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Transactional
  public void extend(String reference, LocalDate until, String reason) {
    InformationRequest r = find(reference);
    Errors errors = new Errors();
    LocalDate current = r.dueBy().atZone(calendar.zone()).toLocalDate();
    LocalDate latest =
        calendar.addWorkingDays(
            r.firstDueBy().atZone(calendar.zone()).toLocalDate(), clocks.extensionDays());
    if (until == null) {
      errors.reject("until", "Enter the new date for the response");
    } else if (!until.isAfter(current)) {
      errors.reject("until", "The new date must be after " + DAY.format(current));
    } else if (until.isAfter(latest)) {
      errors.reject(
          "until",
          "An extension can be at most "
              + clocks.extensionDays()
              + " working days: the latest date is "
              + DAY.format(latest));
    } else if (!calendar.isWorkingDay(until)) {
      errors.reject("until", "The new date must be a working day");
    } else if (!calendar.endOfWorkingDay(until).isAfter(clock.instant())) {
      // An overdue response extended to a day already over: say so here, against the date.
      errors.reject("until", "The new date must be in the future");
    }
    String why =
        Inputs.requiredText(
            reason,
            "reason",
            r.regime() == Regime.FOI
                ? "Say which qualified exemption's public interest test needs the time"
                : "Say why the request is complex and voluminous",
            1000,
            errors);
    errors.throwIfAny();
    if (r.answered() || r.awaitingClarification()) {
      throw new ConflictException(
          r.answered()
              ? "The request has been answered"
              : "The clock is stopped for clarification");
    }
    Instant due = calendar.endOfWorkingDay(until);
    save(r, with(r).dueBy(due).extensionReason(why).build());
    cases.retime(r.caseId(), due, "response extended: " + why);
    cases.replyToReporter(
        r.caseId(),
        "We need more time to answer your request "
            + r.reference()
            + ": "
            + why
            + " We will now answer by "
            + DAY.format(until)
            + ".");
  }

  /**
   * Sends the response with the requester's rights, records what it gave and why anything was
   * withheld, and resolves the case; published, its title and words go on the disclosure log.
   *
   * @param logTitle the title on the disclosure log, naming no one; null or blank not to publish
   */
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Transactional
  public void respond(
      String reference,
      Disclosure outcome,
      List<Exemption> exemptions,
      String response,
      String logTitle) {
    InformationRequest r = find(reference);
    Errors errors = new Errors();
    Set<Exemption> applied = new LinkedHashSet<>(exemptions == null ? List.of() : exemptions);
    applied.remove(null);
    if (outcome == null) {
      errors.reject("outcome", "Choose what the response gives");
    } else if (outcome.withholds() && applied.isEmpty()) {
      errors.reject(
          "exemptions",
          r.regime() == Regime.FOI
              ? "Choose the exemptions that withhold information"
              : "Choose the exceptions that withhold information");
    }
    for (Exemption e : applied) {
      if (e.regime() != r.regime()) {
        errors.reject("exemptions", e.label() + " does not apply under the " + r.regime().label());
      }
    }
    String words =
        Inputs.requiredText(response, "response", "Write the response", MAX_RESPONSE, errors);
    String title = logTitle == null ? "" : logTitle.strip();
    if (title.length() > 200) {
      errors.reject("logTitle", "The title must be 200 characters or fewer");
    }
    errors.throwIfAny();
    if (r.answered()) {
      throw new ConflictException("The request has been answered");
    }
    if (r.awaitingClarification()) {
      throw new ConflictException("The requester has not yet clarified the request");
    }
    Instant now = now();
    save(
        r,
        with(r)
            .respondedAt(now)
            .outcome(outcome)
            .exemptions(new ArrayList<>(applied))
            .logTitle(title.isEmpty() ? null : title)
            .logText(title.isEmpty() ? null : words)
            .build());
    cases.replyToReporter(r.caseId(), words + "\n\n" + reviewRights(r, now));
    resolve(r, outcome.label());
  }

  /** Starts an internal review the requester asked for within 40 working days of the response. */
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Transactional
  public void requestReview(String reference, String reason) {
    InformationRequest r = find(reference);
    Errors errors = new Errors();
    String why =
        Inputs.requiredText(
            reason, "reviewReason", "Say why the requester asks for a review", 1000, errors);
    errors.throwIfAny();
    if (!r.answered() || r.reviewRequestedAt() != null) {
      throw new ConflictException(
          r.answered()
              ? "An internal review has been asked for already"
              : "A review follows the response");
    }
    Instant now = now();
    Instant window = after(r.respondedAt(), clocks.reviewWindowDays());
    if (now.isAfter(window)) {
      throw new ConflictException(
          "A review must be asked for within "
              + clocks.reviewWindowDays()
              + " working days of the response");
    }
    Instant due = after(now, clocks.reviewDays());
    save(r, with(r).reviewRequestedAt(now).reviewDueBy(due).build());
    if (!cases.view(r.caseId()).status().active()) {
      cases.changeStatus(
          r.caseId(), CaseStatus.OPEN, "Internal review asked for: " + why, false, null, null);
    }
    cases.retime(r.caseId(), due, "internal review due");
  }

  /** Sends the review's outcome with the right to complain to the Information Commissioner. */
  @PreAuthorize("hasAuthority('INFORMATION_REQUEST_HANDLE')")
  @Transactional
  public void answerReview(String reference, ReviewOutcome outcome, String response) {
    InformationRequest r = find(reference);
    Errors errors = new Errors();
    if (outcome == null) {
      errors.reject("reviewOutcome", "Choose what the review decided");
    }
    String words =
        Inputs.requiredText(
            response, "reviewResponse", "Write the review's response", MAX_RESPONSE, errors);
    errors.throwIfAny();
    if (!r.underReview()) {
      throw new ConflictException("No internal review is open");
    }
    save(r, with(r).reviewedAt(now()).reviewOutcome(outcome).build());
    cases.replyToReporter(
        r.caseId(),
        words
            + "\n\nIf you are not satisfied with the outcome of this review, you can complain to"
            + " the Information Commissioner's Office (ico.org.uk, 0303 123 1113).");
    resolve(r, "internal review: " + outcome.label().toLowerCase(Locale.UK));
  }

  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The financial year in progress, written 2026/27. */
  public String currentYear() {
    return FinancialYears.of(now().atZone(calendar.zone()).toLocalDate());
  }

  private void resolve(InformationRequest r, String what) {
    CaseView view = cases.view(r.caseId());
    if (view.status() == CaseStatus.ON_HOLD || view.status().active()) {
      cases.changeStatus(r.caseId(), CaseStatus.RESOLVED, "Answered: " + what, true, null, null);
    }
  }

  private String reviewRights(InformationRequest r, Instant respondedAt) {
    LocalDate by =
        calendar.addWorkingDays(
            respondedAt.atZone(calendar.zone()).toLocalDate(), clocks.reviewWindowDays());
    return "If you are not satisfied with this response, you can ask us for an internal review by "
        + DAY.format(by)
        + ": reply to this message or quote "
        + r.reference()
        + ". If you are still not satisfied after the review, you can complain to the Information"
        + " Commissioner's Office (ico.org.uk, 0303 123 1113).";
  }

  private Instant after(Instant from, int workingDays) {
    return calendar.endOfWorkingDay(
        calendar.addWorkingDays(from.atZone(calendar.zone()).toLocalDate(), workingDays));
  }

  private void save(InformationRequest before, InformationRequest after) {
    if (!requests.update(before, after)) {
      throw new StaleEditException("request " + before.reference());
    }
    events.publishEvent(InformationRequestChanged.of(after));
  }

  /**
   * Every request as it stands, as the event its last change published: what a rebuild of the
   * warehouse reads, inside the caller's transaction.
   */
  public void forEachChanged(java.util.function.Consumer<InformationRequestChanged> each) {
    requests.forEach(r -> each.accept(InformationRequestChanged.of(r)));
  }

  /** Requests received in each UTC hour, for the warehouse's reconciliation. */
  public java.util.Map<Instant, Long> receivedPerHour() {
    return requests.receivedPerHour();
  }

  private static RequestChange with(InformationRequest r) {
    return new RequestChange(r);
  }
}
