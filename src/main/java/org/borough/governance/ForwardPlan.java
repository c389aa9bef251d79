// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.borough.governance.Checks.actor;
import static org.borough.governance.Checks.length;
import static org.borough.governance.Checks.required;
import static org.borough.governance.Checks.trim;
import static org.borough.governance.Checks.trimText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.governance.internal.DecisionRepository;
import org.borough.governance.internal.ForwardPlanRepository;
import org.borough.governance.internal.ForwardPlanRepository.StoredNotice;
import org.borough.governance.internal.StoredDecision;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forward plan: notices of key decisions to be taken (SI 2012/2089 reg 9). A notice is public
 * from the day it is recorded, which is the day its 28 clear days start; it stays forthcoming until
 * the decision it led to is published, or it is withdrawn. Linking a notice to a draft decision
 * writes the notice's date into the draft's key-decision notice, so publishing checks it.
 */
@Service
public class ForwardPlan {

  private final ForwardPlanRepository notices;
  private final DecisionRepository decisions;
  private final ServiceCatalogue catalogue;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final WorkingCalendar calendar;
  private final int clearDays;

  ForwardPlan(
      ForwardPlanRepository notices,
      DecisionRepository decisions,
      ServiceCatalogue catalogue,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock,
      WorkingCalendar calendar,
      GovernanceProperties properties) {
    this.notices = notices;
    this.decisions = decisions;
    this.catalogue = catalogue;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.calendar = calendar;
    this.clearDays = properties.forwardPlanClearDays();
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), calendar.zone());
  }

  /**
   * Publishes a notice today.
   *
   * @throws InvalidInputException for every field that is wrong
   */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public ForwardPlanNoticeId publish(ForwardPlanNoticeDetails details) {
    ForwardPlanNoticeDetails d = tidy(details);
    Errors errors = new Errors();
    required(errors, "title", d.title(), "Enter the matter to be decided", "The title", 300);
    length(errors, "summary", "The summary", d.summary(), 4000);
    for (String ward : d.wards()) {
      if (ward == null || catalogue.ward(ward).isEmpty()) {
        errors.reject("wards", "There is no ward " + ward);
      }
    }
    required(
        errors,
        "decisionMaker",
        d.decisionMaker(),
        "Enter who will take the decision, like Cabinet",
        "The decision maker",
        200);
    LocalDate today = today();
    if (d.expectedDecisionDate() == null) {
      errors.reject("expectedDecisionDate", "Enter the date the decision is expected");
    } else if (!d.expectedDecisionDate().isAfter(today)) {
      errors.reject(
          "expectedDecisionDate", "The expected date of the decision must be in the future");
    }
    length(errors, "documents", "The list of documents", d.documents(), 4000);
    length(errors, "documentsFrom", "Where to get the documents", d.documentsFrom(), 500);
    length(errors, "privateReason", "The reason for privacy", d.privateReason(), 1000);
    if (d.privateReason() != null
        && d.privateParagraph() == null
        && !errors.has("privateParagraph")) {
      errors.reject(
          "privateParagraph", "Choose the paragraph of Schedule 12A the private meeting relies on");
    }
    if (d.privateReason() == null && d.privateParagraph() != null) {
      errors.reject("privateReason", "Say why the matter will be considered in private");
    }
    errors.throwIfAny();
    UUID id = UUID.randomUUID();
    notices.insert(id, d, today, clock.instant(), actor());
    audit.record(AuditAction.CREATE, "forward-plan-notice", id.toString(), "published");
    events.publishEvent(
        new ForwardPlanNoticePublished(
            new ForwardPlanNoticeId(id),
            d.title(),
            today,
            d.expectedDecisionDate(),
            d.keyDecision()));
    return new ForwardPlanNoticeId(id);
  }

  /** Withdraws a forthcoming notice, giving the public the reason. */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public ForwardPlanNotice withdraw(ForwardPlanNoticeId id, String reason) {
    return withdraw(id, reason, null);
  }

  /**
   * Withdraws a notice, made to the version the officer read (null for the one stored now).
   *
   * @throws org.borough.system.StaleEditException when it was changed since {@code version}
   */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public ForwardPlanNotice withdraw(ForwardPlanNoticeId id, String reason, Integer version) {
    StoredNotice n = stored(id);
    // First, so a notice changed meanwhile is reported as that, not as whatever the change made it.
    raiseVersion(n, version);
    String why = trimText(reason);
    Errors errors = new Errors();
    required(
        errors, "withdrawalReason", why, "Enter why the notice is withdrawn", "The reason", 2000);
    errors.throwIfAny();
    if (status(n) != ForwardPlanStatus.FORTHCOMING) {
      throw new ConflictException(
          "Only a forthcoming notice can be withdrawn; this one is "
              + status(n).label().toLowerCase());
    }
    notices.withdraw(id.value(), today(), why, clock.instant());
    audit.record(AuditAction.UPDATE, "forward-plan-notice", id.toString(), "withdrawn");
    events.publishEvent(new ForwardPlanNoticeChanged(id, ForwardPlanStatus.WITHDRAWN, null));
    return notice(stored(id), true);
  }

  /**
   * Links a notice to the decision it led to. A draft decision with no forward-plan date gets the
   * notice's; a published one is left as it was published.
   *
   * @throws InvalidInputException when the decision does not exist, follows another notice, or was
   *     taken before the notice was published
   * @throws ConflictException when the notice is withdrawn or already linked
   */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public ForwardPlanNotice linkDecision(ForwardPlanNoticeId id, DecisionId decisionId) {
    return linkDecision(id, decisionId, null);
  }

  /**
   * Links a notice to its decision, made to the version the officer read (null for the one stored
   * now).
   *
   * @throws org.borough.system.StaleEditException when it was changed since {@code version}
   */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public ForwardPlanNotice linkDecision(
      ForwardPlanNoticeId id, DecisionId decisionId, Integer version) {
    StoredNotice n = stored(id);
    raiseVersion(n, version);
    if (n.withdrawnOn() != null) {
      throw new ConflictException("A withdrawn notice cannot lead to a decision");
    }
    if (n.decision() != null) {
      throw new ConflictException("This notice is linked to a decision already");
    }
    if (decisionId == null) {
      throw InvalidInputException.of("decisionId", "Choose the decision this notice led to");
    }
    StoredDecision d =
        decisions
            .find(decisionId.value())
            .orElseThrow(
                () -> InvalidInputException.of("decisionId", "There is no decision " + decisionId));
    if (d.details().decisionDate().isBefore(n.publishedOn())) {
      throw InvalidInputException.of(
          "decisionId",
          "That decision was taken on "
              + d.details().decisionDate()
              + ", before this notice was published on "
              + n.publishedOn());
    }
    var now = clock.instant();
    boolean linked;
    try {
      linked = notices.link(id.value(), decisionId.value(), now);
    } catch (DataIntegrityViolationException e) {
      linked = false;
    }
    if (!linked) {
      throw InvalidInputException.of(
          "decisionId", "That decision is linked to another forward-plan notice");
    }
    if (decisions.noteForwardPlanNotice(decisionId.value(), n.publishedOn(), now)) {
      audit.record(
          AuditAction.UPDATE,
          "decision",
          decisionId.toString(),
          "forward-plan notice " + id + " of " + n.publishedOn() + " recorded on the draft");
      events.publishEvent(new DecisionRecorded(decisionId, d.details().title()));
    }
    audit.record(
        AuditAction.UPDATE, "forward-plan-notice", id.toString(), "led to decision " + decisionId);
    events.publishEvent(new ForwardPlanNoticeChanged(id, ForwardPlanStatus.DECIDED, decisionId));
    return notice(stored(id), true);
  }

  /** A notice as the public sees it: the decision it led to only once that is published. */
  @Transactional(readOnly = true)
  public ForwardPlanNotice find(ForwardPlanNoticeId id) {
    return notice(stored(id), false);
  }

  /** A notice with its decision even while that is a draft (for democratic services). */
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  @Transactional(readOnly = true)
  public ForwardPlanNotice findWithDraft(ForwardPlanNoticeId id) {
    return notice(stored(id), true);
  }

  /** The notice a published decision followed, if any. */
  @Transactional(readOnly = true)
  public Optional<ForwardPlanNotice> forDecision(DecisionId decision) {
    return notices.forDecision(decision.value()).map(n -> notice(n, false));
  }

  /** Forthcoming decisions, soonest first: the forward plan as published. */
  @Transactional(readOnly = true)
  public List<ForwardPlanNotice> forthcoming(int offset, int limit) {
    return notices.forthcoming(offset, limit).stream().map(n -> notice(n, false)).toList();
  }

  /** Every notice, forthcoming, decided or withdrawn, most recently published first. */
  @Transactional(readOnly = true)
  public List<ForwardPlanNotice> all(int offset, int limit) {
    return notices.all(offset, limit).stream().map(n -> notice(n, false)).toList();
  }

  /** Every notice with drafts' links shown, for democratic services. */
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  @Transactional(readOnly = true)
  public List<ForwardPlanNotice> allWithDrafts(int offset, int limit) {
    return notices.all(offset, limit).stream().map(n -> notice(n, true)).toList();
  }

  /** The first day a key decision could be taken on a notice published today. */
  public LocalDate earliestDecisionDate(LocalDate publishedOn) {
    return publishedOn.plusDays(clearDays + 1L);
  }

  private ForwardPlanNotice notice(StoredNotice n, boolean withDraft) {
    boolean draft = n.decisionStatus() == DecisionStatus.DRAFT;
    return new ForwardPlanNotice(
        n.id(),
        n.details(),
        n.publishedOn(),
        earliestDecisionDate(n.publishedOn()),
        status(n),
        n.withdrawnOn(),
        n.withdrawalReason(),
        draft && !withDraft ? null : n.decision(),
        n.recordedAt(),
        n.updatedAt(),
        n.version());
  }

  /** Claims the notice at the version the change was made to, or refuses a stale change. */
  private void raiseVersion(StoredNotice n, Integer version) {
    notices.raiseVersion(
        n.id().value(),
        version == null ? n.version() : version,
        "forward-plan notice (" + n.details().title() + ")");
  }

  private static ForwardPlanStatus status(StoredNotice n) {
    if (n.withdrawnOn() != null) {
      return ForwardPlanStatus.WITHDRAWN;
    }
    return n.decision() == null || n.decisionStatus() == DecisionStatus.DRAFT
        ? ForwardPlanStatus.FORTHCOMING
        : ForwardPlanStatus.DECIDED;
  }

  private StoredNotice stored(ForwardPlanNoticeId id) {
    return notices
        .find(id.value())
        .orElseThrow(() -> new NotFoundException("Forward-plan notice " + id));
  }

  private static ForwardPlanNoticeDetails tidy(ForwardPlanNoticeDetails d) {
    if (d == null) {
      return new ForwardPlanNoticeDetails(null, null, null, null, null, null, null, null, null);
    }
    return new ForwardPlanNoticeDetails(
        trim(d.title()),
        trimText(d.summary()),
        d.wards().stream().map(Checks::trim).distinct().toList(),
        trim(d.decisionMaker()),
        d.expectedDecisionDate(),
        d.keyDecision(),
        trimText(d.documents()),
        trimText(d.documentsFrom()),
        trimText(d.privateReason()),
        d.privateParagraph());
  }
}
