// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.borough.governance.Checks.actor;
import static org.borough.governance.Checks.length;
import static org.borough.governance.Checks.trim;
import static org.borough.governance.Checks.trimText;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.governance.internal.DecisionRepository;
import org.borough.governance.internal.StoredDecision;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.StaleEditException;
import org.borough.system.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of executive decisions. A decision is recorded as a draft and changed freely; it is
 * published by an explicit step, which refuses a key decision the public had no lawful notice of;
 * after that it changes only by a correction with a reason, and every published version is kept.
 * Each change writes its event to the outbox and an audit entry in the same transaction.
 *
 * <p>Each method that changes the register, or shows drafts, checks the caller's permission itself;
 * reading published decisions is public. The demo data is imported under its own name.
 */
@Service
public class DecisionRegister {

  private final DecisionRepository decisions;
  private final ServiceCatalogue catalogue;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final WorkingCalendar calendar;
  private final KeyDecisionRules keyRules;
  private final CallInRules callInRules;

  DecisionRegister(
      DecisionRepository decisions,
      ServiceCatalogue catalogue,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock,
      WorkingCalendar calendar,
      GovernanceProperties properties) {
    this.decisions = decisions;
    this.catalogue = catalogue;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.calendar = calendar;
    this.keyRules = new KeyDecisionRules(properties);
    this.callInRules = new CallInRules(calendar, properties.callInWorkingDays());
  }

  /** Today in the council's zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), calendar.zone());
  }

  /**
   * Records a draft decision.
   *
   * @throws InvalidInputException for every field that is wrong
   */
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  @Transactional
  public DecisionId recordDraft(DecisionDetails details) {
    DecisionDetails d = tidy(details).withPublicationDate(null);
    Errors errors = new Errors();
    validate(d, "", errors);
    errors.throwIfAny();
    UUID id = UUID.randomUUID();
    decisions.insert(id, DecisionStatus.DRAFT, 0, d, null, clock.instant(), actor());
    audit.record(AuditAction.CREATE, "decision", id.toString(), "draft recorded");
    events.publishEvent(new DecisionRecorded(new DecisionId(id), d.title()));
    return new DecisionId(id);
  }

  /**
   * Changes a decision. A draft is simply replaced. A published decision is corrected: the reason
   * is required, {@code expectedVersion} must be the version the change was made to, and the new
   * text is kept as the next version.
   *
   * @throws InvalidInputException for wrong fields or a correction without a reason
   * @throws ConflictException when someone else corrected it first, or it is superseded
   */
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  @Transactional
  public Decision update(
      DecisionId id, DecisionDetails details, Integer expectedVersion, String correctionReason) {
    return update(id, details, expectedVersion, correctionReason, null);
  }

  /**
   * Like {@link #update(DecisionId, DecisionDetails, Integer, String)}, made to the edit version
   * the editor read (null for the one stored now).
   *
   * @throws org.borough.system.StaleEditException when it was changed since {@code editVersion}
   */
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  @Transactional
  public Decision update(
      DecisionId id,
      DecisionDetails details,
      Integer expectedVersion,
      String correctionReason,
      Integer editVersion) {
    StoredDecision current = stored(id);
    claim(current, editVersion);
    if (current.status() == DecisionStatus.SUPERSEDED) {
      throw new ConflictException("A superseded decision cannot be changed");
    }
    boolean draft = current.status() == DecisionStatus.DRAFT;
    DecisionDetails d =
        tidy(details).withPublicationDate(draft ? null : current.details().publicationDate());
    Errors errors = new Errors();
    validate(d, "", errors);
    String reason = correctionReason == null ? "" : correctionReason.trim();
    if (!draft) {
      validateForPublication(d, "", errors);
      if (reason.isEmpty()) {
        errors.reject("correctionReason", "Enter the reason for the correction");
      } else if (reason.length() > 2000) {
        errors.reject("correctionReason", "The reason must be 2000 characters or fewer");
      }
    }
    errors.throwIfAny();
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw stale(current);
    }
    var now = clock.instant();
    if (draft) {
      decisions.replace(id.value(), current.issueId(), DecisionStatus.DRAFT, 0, d, null, now);
      audit.record(AuditAction.UPDATE, "decision", id.toString(), "draft changed");
      events.publishEvent(new DecisionRecorded(id, d.title()));
    } else {
      int version = current.version() + 1;
      LocalDate deadline = d.subjectToCallIn() ? callInRules.deadline(d.publicationDate()) : null;
      decisions.replace(id.value(), current.issueId(), current.status(), version, d, deadline, now);
      decisions.insertVersion(id.value(), version, now, actor(), reason, d);
      audit.record(
          AuditAction.UPDATE, "decision", id.toString(), "corrected to version " + version);
      events.publishEvent(new DecisionCorrected(id, version, reason));
    }
    return find(id);
  }

  /**
   * Publishes a draft today. A key decision is refused unless a forward-plan notice, a general
   * exception or special urgency is recorded; the errors name what each lacks.
   */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public Decision publish(DecisionId id) {
    return publish(id, null);
  }

  /** Publishes a draft, as the edit version read (null for the one stored now). */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public Decision publish(DecisionId id, Integer editVersion) {
    StoredDecision current = stored(id);
    claim(current, editVersion);
    if (current.status() != DecisionStatus.DRAFT) {
      throw new ConflictException("The decision is published already");
    }
    DecisionDetails d = current.details().withPublicationDate(today());
    Errors errors = new Errors();
    validate(d, "", errors);
    validateForPublication(d, "", errors);
    errors.throwIfAny();
    publishNew(id.value(), current.issueId(), d, "Published");
    return find(id);
  }

  /**
   * Imports past decisions as published, each with its publication date. Every decision is checked
   * first, with errors named {@code decisions[n].field}; when any is wrong nothing is imported.
   */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public List<DecisionId> importDecisions(List<DecisionDetails> imported) {
    if (imported == null || imported.isEmpty()) {
      throw InvalidInputException.of("decisions", "There are no decisions to import");
    }
    Errors errors = new Errors();
    List<DecisionDetails> tidied = new ArrayList<>();
    for (int n = 0; n < imported.size(); n++) {
      String prefix = "decisions[" + n + "].";
      DecisionDetails d = imported.get(n);
      if (d == null) {
        errors.reject("decisions[" + n + "]", "The decision is empty");
        continue;
      }
      d = tidy(d);
      validate(d, prefix, errors);
      validateForPublication(d, prefix, errors);
      if (d.publicationDate() == null) {
        errors.reject(prefix + "publicationDate", "Enter the date the decision was published");
      } else if (d.decisionDate() != null && d.publicationDate().isBefore(d.decisionDate())) {
        errors.reject(
            prefix + "publicationDate", "The decision cannot be published before it was taken");
      } else if (d.publicationDate().isAfter(today())) {
        errors.reject(prefix + "publicationDate", "The publication date cannot be in the future");
      }
      tidied.add(d);
    }
    errors.throwIfAny();
    List<DecisionId> ids = new ArrayList<>();
    for (DecisionDetails d : tidied) {
      UUID id = UUID.randomUUID();
      decisions.insert(id, DecisionStatus.DRAFT, 0, d, null, clock.instant(), actor());
      StoredDecision stored = decisions.find(id).orElseThrow();
      publishNew(id, stored.issueId(), d, "Imported");
      ids.add(new DecisionId(id));
    }
    return ids;
  }

  private void publishNew(UUID id, UUID issueId, DecisionDetails d, String how) {
    LocalDate deadline = d.subjectToCallIn() ? callInRules.deadline(d.publicationDate()) : null;
    var now = clock.instant();
    decisions.replace(id, issueId, DecisionStatus.PUBLISHED, 1, d, deadline, now);
    decisions.insertVersion(id, 1, now, actor(), how, d);
    audit.record(AuditAction.UPDATE, "decision", id.toString(), how.toLowerCase());
    events.publishEvent(
        new DecisionPublished(
            new DecisionId(id),
            d.title(),
            d.decisionMaker().name(),
            d.decisionDate(),
            d.publicationDate(),
            d.keyDecision(),
            deadline,
            d.totalPence()));
  }

  /**
   * Records that a published decision was called in, on or before its deadline.
   *
   * @throws ConflictException when it is not open to call-in (a draft, already called in, past the
   *     deadline, not subject to call-in)
   */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public Decision recordCallIn(DecisionId id, CallIn callIn) {
    return recordCallIn(id, callIn, null);
  }

  /** Records a call-in, made to the edit version read (null for the one stored now). */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public Decision recordCallIn(DecisionId id, CallIn callIn, Integer editVersion) {
    StoredDecision current = stored(id);
    claim(current, editVersion);
    Errors errors = new Errors();
    LocalDate on = callIn == null ? null : callIn.calledInOn();
    String by = callIn == null ? null : trim(callIn.calledInBy());
    String reason = callIn == null ? null : trim(callIn.reason());
    if (on == null) {
      errors.reject("calledInOn", "Enter the date the decision was called in");
    } else if (on.isAfter(today())) {
      errors.reject("calledInOn", "The call-in date cannot be in the future");
    }
    if (by == null) {
      errors.reject("calledInBy", "Enter the members who called the decision in");
    } else if (by.length() > 1000) {
      errors.reject("calledInBy", "Who called it in must be 1000 characters or fewer");
    }
    if (reason == null) {
      errors.reject("reason", "Enter why the decision was called in");
    } else if (reason.length() > 4000) {
      errors.reject("reason", "The reason must be 4000 characters or fewer");
    }
    errors.throwIfAny();
    if (current.status() != DecisionStatus.PUBLISHED) {
      throw new ConflictException(
          "Only a published decision can be called in; this one is "
              + current.status().label().toLowerCase());
    }
    if (!current.details().subjectToCallIn() || current.callInDeadline() == null) {
      throw new ConflictException("This decision is not subject to call-in");
    }
    if (on.isAfter(current.callInDeadline()) || on.isBefore(current.details().publicationDate())) {
      throw new ConflictException(
          "A call-in must be between publication and the deadline, "
              + current.callInDeadline()
              + "; this decision is implementable");
    }
    var now = clock.instant();
    decisions.insertCallIn(id.value(), new CallIn(on, by, reason), now, actor());
    decisions.setStatus(id.value(), DecisionStatus.CALLED_IN, now);
    audit.record(AuditAction.UPDATE, "decision", id.toString(), "called in");
    events.publishEvent(new DecisionCalledIn(id, on));
    return find(id);
  }

  /**
   * Records what was decided about a called-in decision, made to the edit version read (null for
   * the one stored now); the decision's status follows it.
   *
   * @throws ConflictException when the decision is not waiting for that outcome (not called in,
   *     already implementable, referred elsewhere)
   */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public Decision recordCallInOutcome(DecisionId id, CallInOutcome outcome, Integer editVersion) {
    StoredDecision current = stored(id);
    claim(current, editVersion);
    Errors errors = new Errors();
    CallInOutcome.Outcome what = outcome == null ? null : outcome.outcome();
    LocalDate on = outcome == null ? null : outcome.decidedOn();
    String by = outcome == null ? null : trim(outcome.decidedBy());
    String notes = outcome == null ? null : trim(outcome.notes());
    if (what == null) {
      errors.reject("outcome", "Choose what was decided");
    }
    List<CallInOutcome> earlier =
        current.callIn() == null ? List.of() : decisions.callInOutcomes(id.value());
    LocalDate since =
        earlier.isEmpty()
            ? current.callIn() == null ? null : current.callIn().calledInOn()
            : earlier.get(earlier.size() - 1).decidedOn();
    if (on == null) {
      errors.reject("decidedOn", "Enter the date it was decided");
    } else if (on.isAfter(today())) {
      errors.reject("decidedOn", "The date it was decided cannot be in the future");
    } else if (since != null && on.isBefore(since)) {
      errors.reject(
          "decidedOn",
          "The date it was decided cannot be before "
              + since
              + (earlier.isEmpty() ? ", when it was called in" : ", the outcome before it"));
    }
    if (by == null) {
      errors.reject("decidedBy", "Enter who decided it, such as the scrutiny committee");
    } else if (by.length() > 300) {
      errors.reject("decidedBy", "Who decided it must be 300 characters or fewer");
    }
    if (notes != null && notes.length() > 4000) {
      errors.reject("notes", "The notes must be 4000 characters or fewer");
    }
    errors.throwIfAny();
    if (current.callIn() == null) {
      throw new ConflictException("This decision was not called in");
    }
    if (!what.follows(current.status())) {
      throw new ConflictException(
          "\""
              + what.label()
              + "\" cannot be recorded for a decision that is "
              + current.status().label().toLowerCase());
    }
    var now = clock.instant();
    decisions.insertCallInOutcome(id.value(), new CallInOutcome(what, on, by, notes), now, actor());
    decisions.setStatus(id.value(), what.result(), now);
    audit.record(AuditAction.UPDATE, "decision", id.toString(), "call-in outcome " + what.name());
    events.publishEvent(new DecisionCallInDecided(id, what, on));
    return find(id);
  }

  /**
   * Records that a later published decision supersedes {@code earlier}, which becomes SUPERSEDED
   * and can no longer be corrected or called in.
   *
   * @throws InvalidInputException when {@code later} is missing, unpublished, the same decision, or
   *     taken before {@code earlier}
   * @throws ConflictException when {@code earlier} is a draft or superseded already
   */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public Decision recordSupersession(DecisionId earlier, DecisionId later) {
    return recordSupersession(earlier, later, null);
  }

  /** Records a supersession, made to the edit version of {@code earlier} read (null: any). */
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Transactional
  public Decision recordSupersession(DecisionId earlier, DecisionId later, Integer editVersion) {
    StoredDecision current = stored(earlier);
    claim(current, editVersion);
    if (current.status() == DecisionStatus.DRAFT) {
      throw new ConflictException("A draft is not in force, so nothing can supersede it");
    }
    if (current.status() == DecisionStatus.SUPERSEDED) {
      throw new ConflictException("This decision is superseded already");
    }
    if (later == null) {
      throw InvalidInputException.of(
          "supersededBy", "Choose the decision that supersedes this one");
    }
    if (later.equals(earlier)) {
      throw InvalidInputException.of("supersededBy", "A decision cannot supersede itself");
    }
    StoredDecision successor =
        decisions
            .find(later.value())
            .orElseThrow(
                () -> InvalidInputException.of("supersededBy", "There is no decision " + later));
    if (successor.status() == DecisionStatus.DRAFT) {
      throw InvalidInputException.of(
          "supersededBy",
          "Publish the later decision before recording that it supersedes this one");
    }
    if (successor.details().decisionDate().isBefore(current.details().decisionDate())) {
      throw InvalidInputException.of(
          "supersededBy",
          "The decision chosen was taken on "
              + successor.details().decisionDate()
              + ", before this one: only a later decision can supersede it");
    }
    decisions.supersede(earlier.value(), later.value(), clock.instant());
    audit.record(
        AuditAction.UPDATE, "decision", earlier.toString(), "superseded by decision " + later);
    events.publishEvent(new DecisionSuperseded(earlier, later));
    return find(earlier);
  }

  /**
   * Raises the decision's edit version from the one the change was made to, first thing, so a
   * decision changed meanwhile is reported as that and not as whatever the change made it; a
   * refusal later rolls the raise back with the rest ({@code editVersion}, or the one read in this
   * transaction), or refuses the change as stale.
   */
  private void claim(StoredDecision current, Integer editVersion) {
    decisions.raiseEditVersion(
        current.id(), editVersion == null ? current.editVersion() : editVersion, what(current));
  }

  private static StaleEditException stale(StoredDecision current) {
    return new StaleEditException(what(current));
  }

  private static String what(StoredDecision d) {
    return "decision (" + d.details().issue().title() + ")";
  }

  /** Any decision, drafts included (for democratic services). */
  @PreAuthorize("hasAnyAuthority('DECISION_RECORD', 'DECISION_PUBLISH')")
  @Transactional(readOnly = true)
  public Decision find(DecisionId id) {
    StoredDecision s = stored(id);
    return new Decision(
        id,
        CallInRules.effective(
            s.status(), s.details().subjectToCallIn(), s.callInDeadline(), today()),
        s.version(),
        s.details(),
        s.callInDeadline(),
        s.callIn(),
        s.callIn() == null ? List.of() : decisions.callInOutcomes(id.value()),
        decisions.versions(id.value()),
        s.recordedAt(),
        s.updatedAt(),
        s.supersededBy() == null ? null : decisions.ref(s.supersededBy()).orElse(null),
        decisions.supersededBy(id.value()),
        s.editVersion());
  }

  /**
   * A published decision as the public see it, exempt information left out ({@link
   * DecisionDetails#published()}); a draft is not found.
   */
  @Transactional(readOnly = true)
  public Decision findPublished(DecisionId id) {
    Decision d = find(id);
    if (d.isDraft()) {
      throw new NotFoundException("Decision " + id);
    }
    return d.published();
  }

  /** The text of a published decision as it was in {@code version}, as the public see it. */
  @Transactional(readOnly = true)
  public DecisionDetails publishedVersion(DecisionId id, int version) {
    return decisions
        .snapshot(id.value(), version)
        .map(DecisionDetails::published)
        .orElseThrow(() -> new NotFoundException("Version " + version + " of decision " + id));
  }

  /** Published decisions matching the query, newest first. */
  @Transactional(readOnly = true)
  public List<DecisionSummary> search(DecisionQuery query) {
    return summaries(decisions.search(query, false));
  }

  /** A published decision and its items. */
  public record WithItems(DecisionSummary decision, List<DecisionItem> items) {}

  /**
   * The newest {@code limit} published decisions with their items, in two queries (not one or more
   * for each decision): what a budget line can be approved or noted by.
   */
  @Transactional(readOnly = true)
  public List<WithItems> recentWithItems(int limit) {
    List<DecisionSummary> recent =
        search(new DecisionQuery(null, null, null, false, null, null, 0, limit));
    Map<UUID, List<DecisionItem>> items =
        decisions.itemsOf(recent.stream().map(d -> d.id().value()).toList());
    return recent.stream()
        .map(d -> new WithItems(d, items.getOrDefault(d.id().value(), List.of())))
        .toList();
  }

  /** All decisions, drafts first among the newest, for democratic services. */
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  @Transactional(readOnly = true)
  public List<DecisionSummary> searchWithDrafts(DecisionQuery query) {
    return summaries(decisions.search(query, true));
  }

  private List<DecisionSummary> summaries(List<DecisionRepository.StoredSummary> rows) {
    LocalDate today = today();
    return rows.stream()
        .map(
            r -> {
              DecisionSummary s = r.summary();
              return new DecisionSummary(
                  s.id(),
                  s.title(),
                  s.decisionMaker(),
                  s.decisionDate(),
                  s.publicationDate(),
                  CallInRules.effective(s.status(), r.subjectToCallIn(), r.callInDeadline(), today),
                  s.keyDecision(),
                  s.version());
            })
        .toList();
  }

  /** Bodies and people who have published decisions. */
  @Transactional(readOnly = true)
  public List<String> decisionMakers() {
    return decisions.decisionMakers();
  }

  @Transactional(readOnly = true)
  public boolean isEmpty() {
    return decisions.count() == 0;
  }

  /** Why a decision looks like a key decision; empty when nothing suggests it. */
  public List<String> keyDecisionSuggestions(DecisionDetails details) {
    return keyRules.suggestions(tidy(details));
  }

  /** The call-in deadline a decision published on {@code date} would have. */
  public LocalDate callInDeadline(LocalDate published) {
    return callInRules.deadline(published);
  }

  // --- validation -----------------------------------------------------------------------------

  /** Trims text, drops blanks to null and numbers items and options in order. */
  private static DecisionDetails tidy(DecisionDetails d) {
    DecisionIssue issue =
        d.issue() == null
            ? new DecisionIssue(null, null, List.of())
            : new DecisionIssue(
                trim(d.issue().title()),
                trim(d.issue().summary()),
                d.issue().wards().stream().map(Checks::trim).distinct().toList());
    DecisionMaker maker =
        d.decisionMaker() == null
            ? new DecisionMaker(null, null, List.of())
            : new DecisionMaker(
                d.decisionMaker().kind(),
                trim(d.decisionMaker().name()),
                d.decisionMaker().members().stream()
                    .map(Checks::trim)
                    .filter(m -> m != null)
                    .toList());
    List<DecisionItem> items = new ArrayList<>();
    for (DecisionItem i : d.items()) {
      if (i == null) {
        continue;
      }
      items.add(
          new DecisionItem(
              items.size() + 1,
              i.verb(),
              trim(i.text()),
              i.amountPence(),
              trim(i.financialYear()),
              trim(i.fundingSource()),
              trim(i.referredTo()),
              i.referralDate()));
    }
    List<RejectedOption> options = new ArrayList<>();
    for (RejectedOption o : d.alternativeOptions()) {
      if (o != null) {
        options.add(
            new RejectedOption(options.size() + 1, trim(o.option()), trim(o.whyRejected())));
      }
    }
    List<DecisionDocument> documents =
        d.documents().stream()
            .filter(x -> x != null)
            .map(x -> new DecisionDocument(trim(x.title()), trim(x.url()), x.exemptParagraph()))
            .toList();
    KeyDecisionNotice n = d.keyDecisionNotice();
    return new DecisionDetails(
        issue,
        maker,
        d.meetingDate(),
        trim(d.introducedBy()),
        d.decisionDate(),
        d.publicationDate(),
        d.keyDecision(),
        d.subjectToCallIn(),
        new KeyDecisionNotice(
            n.forwardPlanPublished(),
            n.generalExceptionNotice(),
            n.scrutinyChairInformed(),
            trim(n.specialUrgencyAgreedBy()),
            n.specialUrgencyAgreedOn()),
        trimText(d.purpose()),
        items,
        trimText(d.reasons()),
        options,
        trimText(d.declarations()),
        d.interests().stream()
            .filter(x -> x != null)
            .map(
                x ->
                    new DeclaredInterest(
                        trim(x.member()),
                        x.kind(),
                        trimText(x.interest()),
                        trim(x.dispensationBy()),
                        x.dispensationOn()))
            .toList(),
        documents,
        d.exemption() == null
            ? null
            : new Exemption(
                d.exemption().extent(),
                d.exemption().paragraph(),
                trimText(d.exemption().exemptPart())));
  }

  /** What any decision, draft or not, must satisfy. */
  private void validate(DecisionDetails d, String p, Errors errors) {
    if (d.issue().title() == null) {
      errors.reject(p + "issue.title", "Enter the title of the issue");
    } else {
      length(errors, p + "issue.title", "The title", d.issue().title(), 300);
    }
    length(errors, p + "issue.summary", "The summary", d.issue().summary(), 4000);
    for (String ward : d.issue().wards()) {
      if (ward == null || catalogue.ward(ward).isEmpty()) {
        errors.reject(p + "issue.wards", "There is no ward " + ward);
      }
    }
    if (d.decisionMaker().kind() == null) {
      errors.reject(
          p + "decisionMaker.kind", "Choose whether a body or an individual took the decision");
    }
    if (d.decisionMaker().name() == null) {
      errors.reject(p + "decisionMaker.name", "Enter who took the decision, like Cabinet");
    } else {
      length(errors, p + "decisionMaker.name", "The decision maker", d.decisionMaker().name(), 200);
    }
    for (String m : d.decisionMaker().members()) {
      length(errors, p + "decisionMaker.members", "Each member's name", m, 200);
    }
    length(errors, p + "introducedBy", "Introduced by", d.introducedBy(), 300);
    if (d.decisionDate() == null) {
      errors.reject(p + "decisionDate", "Enter the date of the decision");
    }
    if (d.meetingDate() != null
        && d.decisionDate() != null
        && d.meetingDate().isAfter(d.decisionDate())) {
      errors.reject(p + "meetingDate", "The meeting cannot be after the date of the decision");
    }
    length(errors, p + "purpose", "The purpose and background", d.purpose(), 20000);
    length(errors, p + "reasons", "The reasons", d.reasons(), 20000);
    length(errors, p + "declarations", "Declarations", d.declarations(), 4000);
    DeclaredInterests.check(d, p, errors);
    ExemptInformation.check(d, p, errors);
    KeyDecisionNotice n = d.keyDecisionNotice();
    notAfterDecision(errors, p + "forwardPlanPublished", n.forwardPlanPublished(), d);
    notAfterDecision(errors, p + "generalExceptionNotice", n.generalExceptionNotice(), d);
    notAfterDecision(errors, p + "scrutinyChairInformed", n.scrutinyChairInformed(), d);
    notAfterDecision(errors, p + "specialUrgencyAgreedOn", n.specialUrgencyAgreedOn(), d);
    if ((n.specialUrgencyAgreedBy() == null) != (n.specialUrgencyAgreedOn() == null)) {
      errors.reject(
          p
              + (n.specialUrgencyAgreedBy() == null
                  ? "specialUrgencyAgreedBy"
                  : "specialUrgencyAgreedOn"),
          "Special urgency needs both who agreed it and the date they agreed");
    }
    length(errors, p + "specialUrgencyAgreedBy", "Who agreed", n.specialUrgencyAgreedBy(), 200);
    for (int i = 0; i < d.items().size(); i++) {
      DecisionItem item = d.items().get(i);
      String f = p + "items[" + i + "].";
      if (item.verb() == null) {
        errors.reject(f + "verb", "Choose how item " + item.number() + " opens, like Agreed");
      }
      if (item.text() == null) {
        errors.reject(f + "text", "Enter the text of item " + item.number());
      } else {
        length(errors, f + "text", "Item " + item.number(), item.text(), 4000);
      }
      if (item.amountPence() != null && item.amountPence() < 0) {
        errors.reject(
            f + "amountPence", "The amount of item " + item.number() + " cannot be negative");
      }
      if (item.financialYear() != null && FinancialYear.parse(item.financialYear()).isEmpty()) {
        errors.reject(
            f + "financialYear",
            "The financial year of item " + item.number() + " must be written like 2017/18");
      }
      if (item.amountPence() != null && item.financialYear() == null) {
        errors.reject(
            f + "financialYear",
            "Enter the financial year the amount of item " + item.number() + " is for");
      }
      length(errors, f + "fundingSource", "The funding source", item.fundingSource(), 200);
      length(errors, f + "referredTo", "The body referred to", item.referredTo(), 200);
      if (item.referralDate() != null && item.referredTo() == null) {
        errors.reject(f + "referredTo", "Enter the body item " + item.number() + " is referred to");
      }
      if (item.referralDate() != null
          && d.decisionDate() != null
          && item.referralDate().isBefore(d.decisionDate())) {
        errors.reject(
            f + "referralDate", "A referral cannot be considered before the decision was taken");
      }
    }
    for (int i = 0; i < d.alternativeOptions().size(); i++) {
      RejectedOption o = d.alternativeOptions().get(i);
      String f = p + "alternativeOptions[" + i + "].";
      if (o.option() == null) {
        errors.reject(f + "option", "Enter option " + o.number());
      } else {
        length(errors, f + "option", "Option " + o.number(), o.option(), 300);
      }
      if (o.whyRejected() == null) {
        errors.reject(f + "whyRejected", "Enter why option " + o.number() + " was rejected");
      } else {
        length(errors, f + "whyRejected", "Why it was rejected", o.whyRejected(), 4000);
      }
    }
    for (int i = 0; i < d.documents().size(); i++) {
      DecisionDocument doc = d.documents().get(i);
      String f = p + "documents[" + i + "].";
      if (doc.title() == null) {
        errors.reject(f + "title", "Enter the title of document " + (i + 1));
      } else {
        length(errors, f + "title", "The document title", doc.title(), 300);
      }
      if (!isLink(doc.url()) && !(doc.exempt() && doc.url() == null)) {
        errors.reject(
            f + "url",
            "The link to document " + (i + 1) + " must start with https://, http:// or /");
      }
    }
  }

  /** What a decision must also satisfy to be published: reg 13's record, and notice of it. */
  private void validateForPublication(DecisionDetails d, String p, Errors errors) {
    if (d.items().isEmpty()) {
      errors.reject(p + "items", "Add at least one decision item");
    }
    if (d.reasons() == null) {
      errors.reject(p + "reasons", "Enter the reasons for the decision");
    }
    if (d.decisionDate() != null && d.decisionDate().isAfter(today())) {
      errors.reject(p + "decisionDate", "A decision cannot be published before it is taken");
    }
    Map<String, String> missing = new LinkedHashMap<>(keyRules.missingNotice(d));
    missing.forEach((field, message) -> errors.reject(p + field, message));
  }

  private static void notAfterDecision(
      Errors errors, String field, LocalDate date, DecisionDetails d) {
    if (date != null && d.decisionDate() != null && date.isAfter(d.decisionDate())) {
      errors.reject(field, "This date cannot be after the date of the decision");
    }
  }

  private static boolean isLink(String url) {
    if (url == null) {
      return false;
    }
    if (url.startsWith("/") && !url.startsWith("//")) {
      return true;
    }
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private StoredDecision stored(DecisionId id) {
    return decisions.find(id.value()).orElseThrow(() -> new NotFoundException("Decision " + id));
  }
}
