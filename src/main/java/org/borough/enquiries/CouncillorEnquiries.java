// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.borough.cases.CaseFeed;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.Ward;
import org.borough.enquiries.internal.EnquiryRepository;
import org.borough.identity.Permission;
import org.borough.identity.Role;
import org.borough.identity.ServicePrincipal;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.residents.Channel;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Councillors' enquiries: raised by a councillor for a resident of one of their wards, answered by
 * an officer of the case's team. A councillor holds no case or resident permission of their own:
 * what they do to cases and residents runs as {@code cllr:<username>} with only the permissions
 * that step needs, so the audit log and the case's timeline name the councillor.
 */
@Service
public class CouncillorEnquiries {

  /** Enquiries listed on a page. */
  public static final int LIST = 200;

  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_ANSWER = 2000;

  private final EnquiryRepository enquiries;
  private final StaffDirectory staff;
  private final StaffAdministration administration;
  private final ServiceCatalogue catalogue;
  private final CaseManagement cases;
  private final CaseFeed feed;
  private final ResidentManagement residents;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  CouncillorEnquiries(
      EnquiryRepository enquiries,
      StaffDirectory staff,
      StaffAdministration administration,
      ServiceCatalogue catalogue,
      CaseManagement cases,
      CaseFeed feed,
      ResidentManagement residents,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.enquiries = enquiries;
    this.staff = staff;
    this.administration = administration;
    this.catalogue = catalogue;
    this.cases = cases;
    this.feed = feed;
    this.residents = residents;
    this.clock = clock;
  }

  /** The wards the signed-in councillor represents, by name. */
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE') or hasAuthority('WARD_CASES_READ')")
  @Transactional(readOnly = true)
  public List<Ward> myWards() {
    return wards(enquiries.wardsOf(me().id().value()));
  }

  /** Every councillor with the wards they represent, for administrators. */
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Transactional(readOnly = true)
  public Map<Staff, List<Ward>> councillors() {
    Map<Staff, List<Ward>> all = new java.util.LinkedHashMap<>();
    administration.allStaff().stream()
        .filter(s -> s.roles().contains(Role.COUNCILLOR))
        .sorted(Comparator.comparing(Staff::displayName))
        .forEach(s -> all.put(s, wards(enquiries.wardsOf(s.id().value()))));
    return all;
  }

  /**
   * Sets the wards a councillor represents.
   *
   * @throws InvalidInputException when a ward is not one of the council's
   */
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  @Transactional
  public void setWards(String username, Set<String> wardCodes) {
    Staff councillor =
        staff
            .findByUsername(username)
            .filter(s -> s.roles().contains(Role.COUNCILLOR))
            .orElseThrow(() -> new NotFoundException("Councillor " + username));
    for (String code : wardCodes) {
      if (catalogue.ward(code).isEmpty()) {
        throw InvalidInputException.of("wards", "Choose wards from the list");
      }
    }
    enquiries.setWards(councillor.id().value(), Set.copyOf(wardCodes));
  }

  /** The councillor-enquiry services enquiries can be raised for. */
  @Transactional(readOnly = true)
  public List<ServiceDefinition> services() {
    return catalogue.services().stream()
        .filter(s -> s.active() && s.caseType() == CaseType.MEMBER_ENQUIRY)
        .toList();
  }

  /**
   * Raises an enquiry: the resident (when named) is recorded and the case opened for the ward, due
   * by the service's SLA.
   *
   * @throws InvalidInputException naming each field that is wrong
   */
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE')")
  @Transactional
  public Enquiry raise(NewEnquiry e) {
    Staff me = me();
    Set<String> mine = enquiries.wardsOf(me.id().value());
    Errors errors = new Errors();
    if (e.wardCode() == null || !mine.contains(e.wardCode())) {
      errors.reject("wardCode", "Choose one of your wards");
    }
    ServiceDefinition service = service(e.serviceCode(), errors);
    String description =
        Inputs.requiredText(
            e.description(),
            "description",
            "Enter what the enquiry is about",
            MAX_DESCRIPTION,
            errors);
    String forename = blankToNull(e.forename());
    String surname = blankToNull(e.surname());
    if ((forename == null) != (surname == null)) {
      errors.reject(
          forename == null ? "forename" : "surname",
          "Enter the resident's first name and last name, or neither");
    }
    if (forename == null && (blankToNull(e.email()) != null || blankToNull(e.phone()) != null)) {
      errors.reject("forename", "Enter the resident's name with their email address or phone");
    }
    String given = blankToNull(e.aboutReference());
    String about = given == null ? null : given.toUpperCase(java.util.Locale.ROOT);
    if (about != null) {
      String ward = as(me, EnumSet.of(Permission.CASE_READ), () -> wardOf(about));
      if (ward == null || !mine.contains(ward)) {
        errors.reject("aboutReference", "Enter the reference of a case in one of your wards");
      }
    }
    errors.throwIfAny();

    CaseView opened =
        as(
            me,
            EnumSet.of(
                Permission.RESIDENT_WRITE,
                Permission.RESIDENT_READ,
                Permission.CASE_RAISE,
                Permission.CATALOGUE_READ),
            () -> {
              ResidentId resident =
                  forename == null
                      ? null
                      : residents.register(
                          new ResidentDetails(
                              forename,
                              surname,
                              null,
                              blankToNull(e.email()),
                              blankToNull(e.phone()),
                              blankToNull(e.address()),
                              null,
                              null,
                              blankToNull(e.postcode()),
                              null,
                              e.wardCode(),
                              null,
                              null,
                              null,
                              null));
              return cases.open(
                  new NewCase(
                      service.code(),
                      resident,
                      description,
                      blankToNull(e.address()),
                      null,
                      null,
                      null,
                      e.wardCode(),
                      Map.of(),
                      null,
                      null,
                      Channel.WEB,
                      null));
            });
    EnquiryRepository.Row row =
        new EnquiryRepository.Row(
            opened.id().value(),
            opened.reference(),
            me.id().value(),
            e.wardCode(),
            service.code(),
            about,
            clock.instant(),
            opened.summary().dueAt(),
            null,
            null);
    enquiries.insert(row);
    events.publishEvent(changed(row));
    return enquiry(row, opened.summary().status());
  }

  /**
   * An enquiry whose case is closed some other way (resolved from the case page, cancelled, marked
   * a duplicate) leaves the queue as answered then, by whoever moved the case; the councillor sees
   * the note written with the move on the enquiry's page.
   */
  @org.springframework.context.event.EventListener
  void caseMoved(org.borough.cases.CaseStatusChanged e) {
    if (CLOSING.contains(e.to())) {
      String by = staff.current().map(Staff::displayName).orElse("the case's team");
      if (enquiries.answered(e.caseId().value(), e.at(), by)) {
        enquiries
            .findByCase(e.caseId().value())
            .map(CouncillorEnquiries::changed)
            .ifPresent(events::publishEvent);
      }
    }
  }

  private static EnquiryChanged changed(EnquiryRepository.Row r) {
    return new EnquiryChanged(
        new CaseId(r.caseId()),
        r.wardCode(),
        r.serviceCode(),
        r.raisedAt(),
        r.dueAt(),
        r.respondedAt());
  }

  /**
   * Every enquiry as it stands, as the event its last change published: what a rebuild of the
   * warehouse reads, inside the caller's transaction.
   */
  public void forEachChanged(java.util.function.Consumer<EnquiryChanged> each) {
    enquiries.forEach(r -> each.accept(changed(r)));
  }

  /** Enquiries raised in each UTC hour, for the warehouse's reconciliation. */
  public java.util.Map<Instant, Long> raisedPerHour() {
    return enquiries.raisedPerHour();
  }

  private static final Set<CaseStatus> CLOSING =
      EnumSet.of(
          CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.CANCELLED, CaseStatus.DUPLICATE);

  /** The signed-in councillor's enquiries, newest first. */
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE')")
  @Transactional(readOnly = true)
  public List<Enquiry> mine() {
    return enquiries.ofCouncillor(me().id().value(), LIST).stream()
        .map(r -> enquiry(r, null))
        .toList();
  }

  /** Enquiries not answered yet, the soonest deadline first, for the officers who answer them. */
  @PreAuthorize("hasAuthority('ENQUIRY_RESPOND')")
  @Transactional(readOnly = true)
  public List<Enquiry> waiting() {
    return enquiries.waiting(LIST).stream().map(r -> enquiry(r, null)).toList();
  }

  /**
   * An enquiry's page: for the councillor who raised it, or an officer who answers enquiries.
   * Another councillor is told there is no such enquiry.
   */
  @PreAuthorize("hasAuthority('ENQUIRY_RAISE') or hasAuthority('ENQUIRY_RESPOND')")
  @Transactional
  public EnquiryPage find(String reference) {
    Staff me = me();
    EnquiryRepository.Row row = row(reference);
    boolean officer = me.can(Permission.ENQUIRY_RESPOND);
    if (!officer && !row.councillorId().equals(me.id().value())) {
      throw new NotFoundException("Enquiry " + reference);
    }
    CaseId id = new CaseId(row.caseId());
    CaseView c =
        officer ? cases.view(id) : as(me, EnumSet.of(Permission.CASE_READ), () -> cases.view(id));
    List<CaseView.TimelineEntry> history =
        c.timeline().stream()
            .filter(
                t ->
                    t.kind().equals("CREATED")
                        || t.kind().equals("STATUS")
                        || (t.kind().equals("NOTE") && t.publicNote()))
            .toList();
    // The case's own deadline: a pause or a new date set on the case since it was raised shows.
    EnquiryRepository.Row now =
        new EnquiryRepository.Row(
            row.caseId(),
            row.reference(),
            row.councillorId(),
            row.wardCode(),
            row.serviceCode(),
            row.aboutReference(),
            row.raisedAt(),
            c.summary().dueAt(),
            row.respondedAt(),
            row.respondedBy());
    return new EnquiryPage(
        enquiry(now, c.summary().status()), c.description(), c.address(), history);
  }

  /**
   * Answers an enquiry: the answer is sent to the resident (when the case has one) and is the
   * case's public note as it is resolved, which the councillor sees on the enquiry's page.
   *
   * @throws InvalidInputException when the answer is missing or too long
   * @throws ConflictException when the enquiry was already answered
   */
  @PreAuthorize("hasAuthority('ENQUIRY_RESPOND')")
  @Transactional
  public void respond(String reference, String answer) {
    EnquiryRepository.Row row = row(reference);
    Errors errors = new Errors();
    String text =
        Inputs.requiredText(
            answer, "answer", "Enter the answer to the enquiry", MAX_ANSWER, errors);
    errors.throwIfAny();
    if (row.respondedAt() != null) {
      throw new ConflictException("Enquiry " + row.reference() + " was already answered");
    }
    CaseId id = new CaseId(row.caseId());
    // The words go to the resident as a reply (the email about the resolution carries none).
    if (cases.audience(id).reporter() != null) {
      cases.replyToReporter(id, text);
    }
    // The case's move marks the enquiry answered, by the signed-in officer (caseMoved).
    cases.changeStatus(id, CaseStatus.RESOLVED, text, true, null, null);
  }

  /**
   * The cases of one of the signed-in councillor's wards as the public may see them, newest first.
   *
   * @throws NotFoundException when the ward is not one of theirs
   */
  @PreAuthorize("hasAuthority('WARD_CASES_READ')")
  @Transactional(readOnly = true)
  public List<CaseFeed.PublicCase> wardCases(String wardCode, int offset, int limit) {
    if (!enquiries.wardsOf(me().id().value()).contains(wardCode)) {
      throw new NotFoundException("Ward " + wardCode);
    }
    return feed.inWard(wardCode, offset, limit);
  }

  private EnquiryRepository.Row row(String reference) {
    String ref = reference == null ? "" : reference.trim().toUpperCase(java.util.Locale.ROOT);
    return enquiries.find(ref).orElseThrow(() -> new NotFoundException("Enquiry " + reference));
  }

  private ServiceDefinition service(String code, Errors errors) {
    List<ServiceDefinition> services = services();
    if (code == null || code.isBlank()) {
      if (services.size() == 1) {
        return services.get(0);
      }
      errors.reject(
          "serviceCode",
          services.isEmpty()
              ? "The council has no councillor-enquiry service yet: ask an administrator"
              : "Choose what kind of enquiry it is");
      return null;
    }
    return services.stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseGet(
            () -> {
              errors.reject("serviceCode", "Choose what kind of enquiry it is");
              return null;
            });
  }

  private String wardOf(String reference) {
    try {
      return cases.viewByReference(reference).summary().wardCode();
    } catch (NotFoundException none) {
      return null;
    }
  }

  private Enquiry enquiry(EnquiryRepository.Row r, CaseStatus status) {
    String councillor =
        staff
            .findStaff(new org.borough.identity.StaffId(r.councillorId()))
            .map(Staff::displayName)
            .orElse("");
    return new Enquiry(
        r.caseId(),
        r.reference(),
        councillor,
        r.wardCode(),
        catalogue.ward(r.wardCode()).map(Ward::name).orElse(r.wardCode()),
        r.aboutReference(),
        status,
        catalogue.find(r.serviceCode()).map(ServiceDefinition::name).orElse(r.serviceCode()),
        r.raisedAt(),
        r.dueAt(),
        r.respondedAt(),
        r.respondedBy());
  }

  private List<Ward> wards(Set<String> codes) {
    return catalogue.wards().stream().filter(w -> codes.contains(w.gssCode())).toList();
  }

  private Staff me() {
    return staff.current().orElseThrow(() -> new NotFoundException("Councillor"));
  }

  /** Runs a step as the councillor's principal, holding only {@code permissions}. */
  private static <T> T as(Staff me, Set<Permission> permissions, Supplier<T> work) {
    String name = "cllr:" + me.username();
    return ServicePrincipal.call(
        name.length() > 60 ? name.substring(0, 60) : name, permissions, work);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
