// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.CaseView.TimelineEntry;
import org.borough.cases.internal.AttachmentRepository;
import org.borough.cases.internal.CaseRepository;
import org.borough.cases.internal.CaseRow;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.identity.StaffDirectory;
import org.borough.identity.StaffId;
import org.borough.identity.TeamId;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.system.Actors;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.Ids;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.StaleEditException;
import org.borough.system.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises and works cases. Each method is one transaction that changes the case, adds to its
 * timeline, writes the audit log and publishes the event, or does none of these.
 */
@Service
public class CaseManagement {

  static final String SUBJECT = "case";
  private static final java.time.format.DateTimeFormatter DUE_DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
  private static final Pattern REFERENCE = Pattern.compile("[A-Z]{1,5}-\\d{4}-\\d{6,}");

  private final CaseRepository cases;
  private final ServiceCatalogue catalogue;
  private final StaffDirectory staff;
  private final ResidentManagement residents;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final CasesProperties properties;
  private final AttachmentRepository attachmentRows;
  private final WorkingCalendar calendar;
  private final SlaClock sla;
  private final CaseFeed feed;
  private final TeamScope teamScope;
  private final DetailChanges details;
  private final Clock clock;

  CaseManagement(
      CaseRepository cases,
      ServiceCatalogue catalogue,
      StaffDirectory staff,
      ResidentManagement residents,
      AuditLog audit,
      ApplicationEventPublisher events,
      CasesProperties properties,
      AttachmentRepository attachmentRows,
      WorkingCalendar calendar,
      CaseFeed feed,
      TeamScope teamScope,
      DetailChanges details,
      Clock clock) {
    this.teamScope = teamScope;
    this.details = details;
    this.cases = cases;
    this.catalogue = catalogue;
    this.staff = staff;
    this.residents = residents;
    this.audit = audit;
    this.events = events;
    this.properties = properties;
    this.attachmentRows = attachmentRows;
    this.calendar = calendar;
    this.sla = new SlaClock(calendar);
    this.feed = feed;
    this.clock = clock;
  }

  /** True when the text looks like a case reference, e.g. {@code BR-2026-000123}. */
  public static boolean looksLikeReference(String text) {
    return text != null && REFERENCE.matcher(text.trim().toUpperCase()).matches();
  }

  /**
   * Raises a case against a service. Validates everything first, so bad input saves nothing.
   *
   * @throws InvalidInputException listing every problem, fields keyed as on the raise form
   */
  @PreAuthorize("hasAuthority('CASE_RAISE')")
  @Transactional
  public CaseView open(NewCase request) {
    Errors errors = new Errors();
    Optional<ServiceDefinition> found = catalogue.find(request.serviceCode());
    if (found.isEmpty() || !found.get().active()) {
      errors.reject("serviceCode", "Choose a service from the catalogue");
      errors.throwIfAny();
    }
    ServiceDefinition service = found.get();
    String description = request.description() == null ? "" : request.description().trim();
    if (description.isEmpty()) {
      errors.reject("description", "Describe the problem or request");
    } else if (description.length() > 4000) {
      errors.reject("description", "Description must be 4000 characters or fewer");
    }
    if (request.resident() != null) {
      try {
        residents.nameOf(request.resident()).orElseThrow(() -> new NotFoundException("Resident"));
      } catch (NotFoundException e) {
        errors.reject("resident", "The resident was not found");
      }
    }
    String ward =
        details.validateLocation(
            request.address(),
            request.uprn(),
            request.latitude(),
            request.longitude(),
            request.wardCode(),
            errors);
    Map<String, List<String>> answers = Map.of();
    try {
      answers =
          catalogue.validateAnswers(
              service, request.answers() == null ? Map.of() : request.answers());
    } catch (InvalidInputException e) {
      e.errors().forEach(errors::reject);
    }
    TeamId team = request.team() != null ? request.team() : service.defaultTeam();
    if (request.team() != null && staff.findTeam(request.team()).isEmpty()) {
      errors.reject("team", "Choose a team that exists");
    }
    errors.throwIfAny();

    // Truncated as the database stores it, so the view answered here equals a later read.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    SlaClock.Deadline deadline = sla.start(service.sla(), now);
    int year = Year.from(now.atZone(calendar.zone())).getValue();
    String reference =
        String.format(
            "%s-%d-%06d", properties.referencePrefix(), year, cases.nextReferenceNumber());
    UUID id = Ids.next();
    Channel channel = request.channel() == null ? Channel.PHONE : request.channel();
    CaseRow row =
        new CaseRow(
            id,
            reference,
            service.code(),
            request.resident() == null ? null : request.resident().value(),
            description,
            Inputs.stripped(request.address()),
            request.uprn(),
            request.latitude(),
            request.longitude(),
            ward,
            (request.priority() == null ? service.priority() : request.priority()).name(),
            CaseStatus.NEW,
            team == null ? null : team.value(),
            null,
            channel.name(),
            now,
            null,
            null,
            null,
            deadline.due(),
            deadline.atRisk(),
            null,
            null,
            0,
            null,
            now,
            0);
    cases.insert(row);
    cases.insertAnswers(id, answers);
    TimelineEntry created =
        cases.addTimeline(
            id,
            now,
            actor(),
            "CREATED",
            true,
            null,
            CaseStatus.NEW,
            "Case raised by " + channel.label().toLowerCase() + " for " + service.name());
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), reference);
    events.publishEvent(
        new CaseOpened(
            new CaseId(id),
            reference,
            service.code(),
            row.residentId(),
            row.wardCode(),
            row.teamId(),
            channel.name(),
            row.priority(),
            now,
            deadline.due(),
            request.contactId()));
    // Answered from what was just written: reading it back would double the statements per case.
    return assemble(row, answers, List.of(created), List.of());
  }

  /** A case by id; the view is audited. */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional
  public CaseView view(CaseId id) {
    CaseRow row = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case"));
    audit.record(AuditAction.VIEW, SUBJECT, id.toString(), row.reference());
    return assemble(row);
  }

  /** A case by the reference residents quote; the view is audited. */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional
  public CaseView viewByReference(String reference) {
    String ref = reference == null ? "" : reference.trim().toUpperCase();
    CaseRow row =
        cases.findByReference(ref).orElseThrow(() -> new NotFoundException("Case " + ref));
    audit.record(AuditAction.VIEW, SUBJECT, row.id().toString(), row.reference());
    return assemble(row);
  }

  /** The id behind a reference, if there is one (for search boxes). */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public Optional<CaseId> idOf(String reference) {
    return cases.idByReference(reference.trim().toUpperCase()).map(CaseId::new);
  }

  /** A resident's cases, newest first; also for erasure, which must see what it would keep. */
  @PreAuthorize("hasAnyAuthority('CASE_READ', 'ERASURE')")
  @Transactional(readOnly = true)
  public List<CaseSummary> ofResident(ResidentId resident, int limit) {
    Instant now = clock.instant();
    return cases.ofResident(resident.value(), limit).stream().map(r -> summary(r, now)).toList();
  }

  /**
   * Moves a case to another status, with an optional note (public when {@code publicNote}). Pausing
   * and resuming the SLA clock, reopening and first response follow from the move.
   *
   * @param duplicateOf the reference of the original case, when marking a duplicate
   */
  @PreAuthorize("hasAuthority('CASE_WORK')")
  @Transactional
  public TimelineEntry changeStatus(
      CaseId id,
      CaseStatus target,
      String note,
      boolean publicNote,
      String duplicateOf,
      Integer version) {
    CaseRow row = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case"));
    TeamScope.require(row, teamScope.current());
    checkVersion(row, version);
    return apply(row, new BulkAction.ChangeStatus(target, note), publicNote, duplicateOf);
  }

  /**
   * Adds a note; public notes are shown to the resident when they track their case.
   *
   * @return the timeline entry written, whose id is the update's id in feeds such as Open311
   */
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  @Transactional
  public TimelineEntry addNote(CaseId id, String text, boolean publicNote) {
    return addNote(id, text, publicNote, null);
  }

  /** Adds a note to the version of the case the writer read, when {@code version} is given. */
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  @Transactional
  public TimelineEntry addNote(CaseId id, String text, boolean publicNote, Integer version) {
    CaseRow row = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case"));
    TeamScope.require(row, teamScope.current());
    checkVersion(row, version);
    return apply(row, new BulkAction.AddNote(text, publicNote), publicNote, null);
  }

  /** Gives a case to a team and optionally an officer who is a member of it. */
  @PreAuthorize("hasAuthority('CASE_WORK')")
  @Transactional
  public void assign(CaseId id, TeamId team, StaffId officer, Integer version) {
    CaseRow row = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case"));
    TeamScope.require(row, teamScope.current());
    checkVersion(row, version);
    apply(
        row,
        new BulkAction.Assign(
            team == null ? null : team.value(), officer == null ? null : officer.value()),
        false,
        null);
  }

  /**
   * Changes a case's priority, service (re-timing its SLA clock) or location, with the reason on
   * its timeline; null parts of {@code change} stay as they are.
   */
  @PreAuthorize("hasAuthority('CASE_WORK')")
  @Transactional
  public TimelineEntry changeDetails(CaseId id, BulkAction.ChangeDetails change, Integer version) {
    CaseRow row = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case"));
    TeamScope.require(row, teamScope.current());
    checkVersion(row, version);
    return apply(row, change, false, null);
  }

  /**
   * Applies one action to every selected case, or to none: if any case refuses (say, a closed case
   * asked to go on hold), nothing changes and the error names that case.
   */
  @PreAuthorize("hasAuthority('CASE_BULK')")
  @Transactional
  public int bulk(List<CaseId> ids, BulkAction action) {
    return bulk(ids, action, Map.of());
  }

  /**
   * Like {@link #bulk(List, BulkAction)}, for cases chosen from a list drawn earlier: {@code
   * versions} gives the version each case was shown at, and one changed since refuses the whole
   * action, naming the case.
   */
  @PreAuthorize("hasAuthority('CASE_BULK')")
  @Transactional
  public int bulk(List<CaseId> ids, BulkAction action, Map<CaseId, Integer> versions) {
    if (ids == null || ids.isEmpty()) {
      throw InvalidInputException.of("cases", "Select at least one case");
    }
    if (ids.size() > 500) {
      throw InvalidInputException.of("cases", "Select 500 cases or fewer at a time");
    }
    List<UUID> wanted = ids.stream().map(CaseId::value).distinct().toList();
    List<CaseRow> rows = cases.lockAll(wanted);
    if (rows.size() != wanted.size()) {
      throw new NotFoundException("One of the selected cases");
    }
    rows = new ArrayList<>(rows);
    rows.sort(Comparator.comparing(CaseRow::reference));
    // All or nothing here too: one case of another team refuses the whole selection.
    Optional<Set<UUID>> scope = teamScope.current();
    rows.forEach(row -> TeamScope.require(row, scope));
    for (CaseRow row : rows) {
      checkVersion(row, versions.get(new CaseId(row.id())));
      try {
        apply(row, action, false, null);
      } catch (InvalidInputException e) {
        Map<String, String> named = new LinkedHashMap<>();
        e.errors().forEach((k, v) -> named.put(k, row.reference() + ": " + v));
        throw new InvalidInputException(named);
      } catch (ConflictException e) {
        throw new ConflictException(row.reference() + ": " + e.getMessage());
      }
    }
    return rows.size();
  }

  /**
   * Makes a resident a follower of an active case, so they hear what its reporter hears. Following
   * a case one reported, or follows already, changes nothing.
   *
   * @return true when the resident became a follower
   */
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  @Transactional
  public boolean follow(String reference, ResidentId resident) {
    String ref = reference == null ? "" : reference.trim().toUpperCase();
    CaseRow row =
        cases.findByReference(ref).orElseThrow(() -> new NotFoundException("Case " + ref));
    if (!row.status().active()) {
      throw new ConflictException("Case " + ref + " is no longer open, so it cannot be followed");
    }
    if (resident == null || residents.nameOf(resident).isEmpty()) {
      throw InvalidInputException.of("resident", "The resident was not found");
    }
    if (resident.value().equals(row.residentId())) {
      return false;
    }
    return addFollower(row.id(), resident.value(), "A resident is now following this case");
  }

  private boolean addFollower(UUID caseId, UUID resident, String timelineText) {
    Instant now = clock.instant();
    if (!cases.addFollower(caseId, resident, now)) {
      return false;
    }
    cases.addTimeline(caseId, now, actor(), "FOLLOW", false, null, null, timelineText);
    audit.record(AuditAction.UPDATE, SUBJECT, caseId.toString(), "follower added");
    events.publishEvent(new CaseFollowed(new CaseId(caseId), resident, now));
    return true;
  }

  /** Who hears about a case: its reporter and followers (ids only, so not audited). */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public CaseAudience audience(CaseId id) {
    CaseRow row = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case"));
    return audience(row);
  }

  private CaseAudience audience(CaseRow row) {
    return new CaseAudience(
        new CaseId(row.id()),
        row.reference(),
        catalogue.find(row.serviceCode()).map(ServiceDefinition::name).orElse(row.serviceCode()),
        row.status(),
        row.residentId() == null ? null : new ResidentId(row.residentId()),
        cases.followers(row.id()).stream().map(ResidentId::new).toList());
  }

  /**
   * A case as a resident tracking it may see it: public columns, and a history without internal
   * notes. Empty when there is no such case. Audited when found, as the case was read.
   */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional
  public Optional<TrackedCase> track(String reference) {
    if (!looksLikeReference(reference)) {
      return Optional.empty();
    }
    String ref = reference.trim().toUpperCase();
    Optional<CaseRow> found = cases.findByReference(ref);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CaseRow row = found.get();
    CaseFeed.PublicCase details = feed.publicCases(cases.feedByReference(List.of(ref), 1)).get(0);
    List<TrackedCase.Update> history = new ArrayList<>();
    for (TimelineEntry e : cases.timeline(row.id())) {
      boolean shown =
          e.kind().equals("CREATED")
              || e.kind().equals("STATUS")
              || (e.kind().equals("NOTE") && e.publicNote());
      if (shown) {
        history.add(
            0,
            new TrackedCase.Update(
                e.at(),
                e.kind(),
                e.toStatus(),
                e.publicNote() && !e.kind().equals("CREATED") ? e.text() : null));
      }
    }
    audit.record(AuditAction.VIEW, SUBJECT, row.id().toString(), "tracked " + row.reference());
    return Optional.of(new TrackedCase(details, List.copyOf(history), audience(row)));
  }

  /** Adds a line about a contact to a case's timeline (called by the contacts module). */
  @PreAuthorize("hasAuthority('CONTACT_LOG')")
  @Transactional
  public void recordContact(CaseId id, String summary) {
    if (!cases.addInternalLine(id.value(), clock.instant(), actor(), "CONTACT", summary)) {
      throw new NotFoundException("Case");
    }
  }

  /**
   * Writes to the case's reporter. The words are kept as a staff-only line on the timeline (a reply
   * is often about the person, so it is never public) and the notifications module emails them,
   * threaded with the resident's own emails; the contacts module logs it as an outbound contact.
   *
   * @throws InvalidInputException when the case has no reporter, or the words are missing or too
   *     long
   */
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  @Transactional
  public TimelineEntry replyToReporter(CaseId id, String text) {
    CaseRow row = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case"));
    TeamScope.require(row, teamScope.current());
    String words = text == null ? "" : text.strip();
    if (row.residentId() == null) {
      throw InvalidInputException.of("reply", "This case has no reporter to write to");
    }
    if (words.isEmpty()) {
      throw InvalidInputException.of("reply", "Write the reply");
    }
    if (words.length() > 4000) {
      throw InvalidInputException.of("reply", "A reply must be 4000 characters or fewer");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    TimelineEntry entry =
        cases.addTimeline(row.id(), now, actor(), "REPLY", false, null, null, words);
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "reply to the reporter");
    events.publishEvent(new CaseReplySent(new CaseId(row.id()), row.residentId(), entry.id(), now));
    return entry;
  }

  /**
   * Sets a case's deadline by hand (a complaint's next stage, an extension), with a staff-only line
   * saying why. The case turns 'at risk' after the service's warning share of the new span, and a
   * breach is lifted when the new deadline is still to come.
   *
   * @throws InvalidInputException when the deadline has passed or no reason is given
   */
  @PreAuthorize("hasAuthority('CASE_WORK')")
  @Transactional
  public void retime(CaseId id, Instant due, String reason) {
    CaseRow row = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case"));
    TeamScope.require(row, teamScope.current());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (due == null || !due.isAfter(now)) {
      throw InvalidInputException.of("due", "The new deadline must be in the future");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw InvalidInputException.of(
          "reason", "Say why the deadline moves, in 1000 characters or fewer");
    }
    Instant at = due.truncatedTo(ChronoUnit.MICROS);
    int warning = catalogue.find(row.serviceCode()).orElseThrow().sla().warningPercent();
    java.time.Duration span = calendar.workingTimeBetween(now, at);
    CaseRow.Builder changed = row.toBuilder();
    changed.dueAt = at;
    changed.slaRiskAt = calendar.addWorkingTime(now, span.multipliedBy(warning).dividedBy(100));
    changed.slaBreachedAt = null;
    changed.updatedAt = now;
    save(changed.build());
    cases.addTimeline(
        row.id(),
        now,
        actor(),
        "DEADLINE",
        false,
        null,
        null,
        "Now due by " + DUE_DAY.format(at.atZone(calendar.zone())) + ": " + why);
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "deadline");
    events.publishEvent(new CaseDeadlineChanged(new CaseId(row.id()), at, now));
  }

  /** The words of a reply to the reporter, for the email that carries them. */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public Optional<String> replyText(CaseId id, long entryId) {
    return cases.timelineBody(id.value(), entryId, "REPLY");
  }

  /**
   * Adds a line about a message to the resident that could not be sent or delivered (called by the
   * notifications module), so that staff know the resident has not heard.
   */
  @PreAuthorize("hasAuthority('CONTACT_LOG')")
  @Transactional
  public void recordMessage(CaseId id, String summary) {
    if (!cases.addInternalLine(id.value(), clock.instant(), actor(), "MESSAGE", summary)) {
      throw new NotFoundException("Case");
    }
  }

  // --- the one place where a case changes -----------------------------------------------------

  private TimelineEntry apply(
      CaseRow row, BulkAction action, boolean publicNote, String duplicateOf) {
    Instant now = clock.instant();
    String actor = actor();
    if (action instanceof BulkAction.AddNote note) {
      String text = note.text() == null ? "" : note.text().trim();
      if (text.isEmpty()) {
        throw InvalidInputException.of("note", "Enter the note");
      }
      if (text.length() > 4000) {
        throw InvalidInputException.of("note", "A note must be 4000 characters or fewer");
      }
      boolean isPublic = publicNote || note.publicNote();
      TimelineEntry entry =
          cases.addTimeline(row.id(), now, actor, "NOTE", isPublic, null, null, text);
      CaseRow.Builder changed = row.toBuilder();
      if (isPublic && row.firstResponseAt() == null) {
        changed.firstResponseAt = now; // a public note is the council's first response
      }
      changed.updatedAt = now;
      save(changed.build());
      audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "note added");
      events.publishEvent(new CaseNoteAdded(new CaseId(row.id()), isPublic, now));
      return entry;
    } else if (action instanceof BulkAction.Assign assign) {
      UUID team = assign.teamId() == null ? row.teamId() : assign.teamId();
      if (team == null || staff.findTeam(new TeamId(team)).isEmpty()) {
        throw InvalidInputException.of("team", "Choose a team");
      }
      if (!row.status().active()) {
        throw new ConflictException("Only an active case can be assigned");
      }
      String officerName = null;
      if (assign.officerId() != null) {
        var officer =
            staff
                .findStaff(new StaffId(assign.officerId()))
                .orElseThrow(() -> InvalidInputException.of("officer", "Choose an officer"));
        boolean member =
            staff.membersOf(new TeamId(team)).stream().anyMatch(s -> s.id().equals(officer.id()));
        if (!member) {
          throw InvalidInputException.of(
              "officer", officer.displayName() + " is not a member of that team");
        }
        officerName = officer.displayName();
      }
      CaseRow.Builder changed = row.toBuilder();
      changed.teamId = team;
      changed.officerId = assign.officerId();
      changed.updatedAt = now;
      save(changed.build());
      String teamName = staff.findTeam(new TeamId(team)).map(t -> t.name()).orElse("?");
      TimelineEntry entry =
          cases.addTimeline(
              row.id(),
              now,
              actor,
              "ASSIGNMENT",
              false,
              null,
              null,
              "Assigned to " + teamName + (officerName == null ? "" : " (" + officerName + ")"));
      audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "assigned");
      events.publishEvent(new CaseAssigned(new CaseId(row.id()), team, assign.officerId(), now));
      return entry;
    } else if (action instanceof BulkAction.ChangeStatus change) {
      return changeStatus(row, change, publicNote, duplicateOf, now, actor);
    } else if (action instanceof BulkAction.ChangeDetails change) {
      DetailChanges.Change c = details.change(row, change, now);
      save(c.row());
      if (!Objects.equals(row.address(), c.row().address())) {
        cases.rewriteWords(c.row());
      }
      TimelineEntry entry =
          cases.addTimeline(row.id(), now, actor, "DETAILS", false, null, null, c.summary());
      audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "details changed");
      CaseRow r = c.row();
      events.publishEvent(
          new CaseDetailsChanged(
              new CaseId(r.id()),
              r.serviceCode(),
              r.priority(),
              r.wardCode(),
              r.teamId(),
              r.dueAt(),
              now));
      return entry;
    }
    throw new IllegalArgumentException("Unknown action " + action);
  }

  private TimelineEntry changeStatus(
      CaseRow row,
      BulkAction.ChangeStatus change,
      boolean publicNote,
      String duplicateOf,
      Instant now,
      String actor) {
    CaseStatus from = row.status();
    CaseStatus to = change.status();
    if (to == null) {
      throw InvalidInputException.of("status", "Choose a status");
    }
    if (to == from) {
      throw InvalidInputException.of("status", "The case is already " + from.label().toLowerCase());
    }
    if (!from.next().contains(to)) {
      throw new ConflictException(
          "A case that is "
              + from.label().toLowerCase()
              + " cannot become "
              + to.label().toLowerCase());
    }
    boolean reopen = from.isReopenTo(to);
    if (reopen
        && row.resolvedAt() != null
        && row.resolvedAt().plus(properties.reopenWindow()).isBefore(now)) {
      throw new ConflictException(
          "This case was resolved more than "
              + properties.reopenWindow().toDays()
              + " days ago and cannot be reopened: raise a new case");
    }
    UUID duplicate = null;
    if (to == CaseStatus.DUPLICATE) {
      if (duplicateOf == null || duplicateOf.isBlank()) {
        throw InvalidInputException.of("duplicateOf", "Enter the reference of the original case");
      }
      CaseRow original =
          cases
              .findByReference(duplicateOf.trim().toUpperCase())
              .orElseThrow(
                  () ->
                      InvalidInputException.of(
                          "duplicateOf", "There is no case " + duplicateOf.trim()));
      if (original.id().equals(row.id())) {
        throw InvalidInputException.of("duplicateOf", "A case cannot duplicate itself");
      }
      duplicate = original.id();
    }
    String note = change.note() == null ? null : change.note().trim();
    if (note != null && note.length() > 4000) {
      throw InvalidInputException.of("note", "A note must be 4000 characters or fewer");
    }
    if (to == CaseStatus.RESOLVED && (note == null || note.isEmpty())) {
      throw InvalidInputException.of("note", "Say how the case was resolved");
    }
    ServiceDefinition service = catalogue.find(row.serviceCode()).orElseThrow();
    boolean pausedBefore = row.slaPausedAt() != null;
    boolean pausesNow = service.sla().pauseStatuses().contains(to.name());
    Instant due = row.dueAt();
    Instant risk = row.slaRiskAt();
    Instant pausedAt = row.slaPausedAt();
    if (pausedBefore && !pausesNow) {
      SlaClock.Deadline moved =
          sla.resume(new SlaClock.Deadline(due, risk), row.slaPausedAt(), now);
      due = moved.due();
      risk = moved.atRisk();
      pausedAt = null;
    } else if (!pausedBefore && pausesNow) {
      pausedAt = now;
    }
    Instant resolved = row.resolvedAt();
    Instant closed = row.closedAt();
    int reopened = row.timesReopened();
    Instant breached = row.slaBreachedAt();
    if (to == CaseStatus.RESOLVED) {
      resolved = now;
    } else if (to == CaseStatus.CLOSED) {
      closed = now;
    } else if (reopen) {
      resolved = null;
      closed = null;
      reopened++;
    }
    if (!due.equals(row.dueAt()) && breached != null && due.isAfter(now)) {
      breached = null; // time on hold moved the deadline past now
    }
    Instant firstResponse =
        row.firstResponseAt() == null && from == CaseStatus.NEW ? now : row.firstResponseAt();
    CaseRow.Builder changed = row.toBuilder();
    changed.status = to;
    changed.firstResponseAt = firstResponse;
    changed.resolvedAt = resolved;
    changed.closedAt = closed;
    changed.dueAt = due;
    changed.slaRiskAt = risk;
    changed.slaPausedAt = pausedAt;
    changed.slaBreachedAt = breached;
    changed.timesReopened = reopened;
    changed.duplicateOf = duplicate != null ? duplicate : row.duplicateOf();
    changed.updatedAt = now;
    save(changed.build());
    TimelineEntry entry =
        cases.addTimeline(
            row.id(),
            now,
            actor,
            "STATUS",
            publicNote || to == CaseStatus.RESOLVED,
            from,
            to,
            note == null || note.isEmpty() ? null : note);
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "status " + from + " -> " + to);
    events.publishEvent(new CaseStatusChanged(new CaseId(row.id()), from, to, now, due, reopen));
    if (duplicate != null) {
      mergeFollowers(row, duplicate);
    }
    return entry;
  }

  /**
   * A duplicate's reporter and followers follow the original instead, so they still hear how the
   * problem ends (the original's own reporter is not made a follower of their own case).
   */
  private void mergeFollowers(CaseRow duplicate, UUID original) {
    UUID originalReporter = cases.find(original).map(CaseRow::residentId).orElse(null);
    List<UUID> moving = new ArrayList<>();
    if (duplicate.residentId() != null) {
      moving.add(duplicate.residentId());
    }
    moving.addAll(cases.followers(duplicate.id()));
    for (UUID resident : moving) {
      if (!resident.equals(originalReporter)) {
        addFollower(
            original,
            resident,
            "A resident now follows this case: " + duplicate.reference() + " was its duplicate");
      }
    }
  }

  private void save(CaseRow changed) {
    if (!cases.update(changed)) {
      throw new StaleEditException("case " + changed.reference());
    }
  }

  private static void checkVersion(CaseRow row, Integer version) {
    if (version != null && version != row.version()) {
      throw new StaleEditException("case " + row.reference());
    }
  }

  CaseSummary summary(CaseRow r, Instant now) {
    String serviceName =
        catalogue.find(r.serviceCode()).map(ServiceDefinition::name).orElse(r.serviceCode());
    return new CaseSummary(
        new CaseId(r.id()),
        r.reference(),
        r.serviceCode(),
        serviceName,
        r.status(),
        org.borough.catalogue.Priority.valueOf(r.priority()),
        r.residentId(),
        r.wardCode(),
        r.teamId(),
        r.officerId(),
        r.openedAt(),
        r.dueAt(),
        SlaClock.state(r.status(), r.dueAt(), r.slaRiskAt(), r.slaPausedAt(), r.resolvedAt(), now),
        r.slaPausedAt() != null,
        r.version());
  }

  private CaseView assemble(CaseRow r) {
    return assemble(r, cases.answers(r.id()), cases.timeline(r.id()), attachments(r.id()));
  }

  private CaseView assemble(
      CaseRow r,
      Map<String, List<String>> raw,
      List<TimelineEntry> timeline,
      List<CaseView.Attachment> attachments) {
    ServiceDefinition service = catalogue.find(r.serviceCode()).orElseThrow();
    List<CaseView.Answer> answers = new ArrayList<>();
    for (ServiceAttribute a : service.attributes()) {
      List<String> values = raw.get(a.code());
      if (values != null) {
        answers.add(
            new CaseView.Answer(
                a.code(),
                a.label(),
                a.type().hasValues() ? values.stream().map(a::nameOf).toList() : values));
      }
    }
    String duplicateOf =
        r.duplicateOf() == null ? null : cases.referenceOf(r.duplicateOf()).orElse(null);
    return new CaseView(
        summary(r, clock.instant()),
        r.description(),
        r.address(),
        r.uprn(),
        r.latitude(),
        r.longitude(),
        Channel.valueOf(r.channel()),
        r.firstResponseAt(),
        r.resolvedAt(),
        r.closedAt(),
        r.timesReopened(),
        duplicateOf,
        answers,
        timeline,
        attachments,
        r.version());
  }

  private List<CaseView.Attachment> attachments(UUID caseId) {
    return attachmentRows.list(caseId);
  }

  static String actor() {
    return Actors.current();
  }
}
