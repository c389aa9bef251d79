// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.identity.Permission;
import org.borough.residents.internal.ResidentRepository;
import org.borough.residents.internal.ResidentRepository.Row;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.Ids;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.StaleEditException;
import org.borough.system.UkFormats;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, finds, updates and merges residents. Every read and change of a resident is audited;
 * every change publishes an event in the same transaction.
 */
@Service
public class ResidentManagement {

  public static final int PAGE_SIZE = 25;
  private static final String SUBJECT = "resident";

  private final ResidentRepository residents;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ResidentManagement(
      ResidentRepository residents, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
    this.residents = residents;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Likely duplicates of what is about to be registered: same email or phone, or similar name. */
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Transactional(readOnly = true)
  public List<ResidentSummary> possibleDuplicates(ResidentDetails details) {
    Map<ResidentId, ResidentSummary> found = new LinkedHashMap<>();
    UkFormats.email(details.email())
        .ifPresent(e -> residents.byEmail(e, null, null, 10).forEach(r -> found.put(r.id(), r)));
    UkFormats.phone(details.phone())
        .ifPresent(p -> residents.byPhone(p, null, null, 10).forEach(r -> found.put(r.id(), r)));
    Optional<String> postcode = UkFormats.postcode(details.postcode());
    if (postcode.isPresent() && details.surname() != null && details.forename() != null) {
      String wanted = searchName(details.forename(), details.surname());
      for (ResidentSummary r : residents.atPostcode(postcode.get(), 200)) {
        if (NameSimilarity.similar(wanted, r.sortKey())) {
          found.put(r.id(), r);
        }
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * Registers a resident after validating every field.
   *
   * @throws InvalidInputException naming each field that is wrong; nothing is saved
   */
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  @Transactional
  public ResidentId register(ResidentDetails details) {
    Valid v = validate(details);
    UUID id = Ids.next();
    Instant now = clock.instant();
    residents.insert(
        new Row(
            id,
            v.forename,
            v.surname,
            details.dateOfBirth(),
            details.preferredChannel(),
            blankToNull(details.preferredLanguage()),
            blankToNull(details.accessibilityNeeds()),
            null,
            now,
            now,
            0),
        searchName(v.forename, v.surname));
    v.email.ifPresent(e -> residents.addEmail(id, e));
    v.phone.ifPresent(p -> residents.addPhone(id, p));
    v.address.ifPresent(a -> residents.setPrimaryAddress(id, a));
    if (details.vulnerabilities() != null && canSeeVulnerabilities()) {
      details.vulnerabilities().forEach(f -> residents.addVulnerability(id, f));
    }
    ResidentId residentId = new ResidentId(id);
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), "registered");
    events.publishEvent(
        new ResidentRegistered(residentId, v.address.map(Address::wardCode).orElse(null)));
    return residentId;
  }

  /** Replaces a resident's details; {@code version} guards against overwriting a colleague. */
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  @Transactional
  public void update(ResidentId id, ResidentDetails details, int version) {
    Row current = live(id);
    Valid v = validate(details);
    Instant now = clock.instant();
    Row changed =
        new Row(
            id.value(),
            v.forename,
            v.surname,
            details.dateOfBirth(),
            details.preferredChannel(),
            blankToNull(details.preferredLanguage()),
            blankToNull(details.accessibilityNeeds()),
            null,
            current.createdAt(),
            now,
            version);
    if (!residents.update(changed, searchName(v.forename, v.surname), version)) {
      throw new StaleEditException("resident's record");
    }
    // The form edits one email and one phone; others on record (say, from a merge) are kept,
    // so an edit never loses a way of reaching the resident.
    v.email.ifPresent(e -> residents.addEmail(id.value(), e));
    v.phone.ifPresent(p -> residents.addPhone(id.value(), p));
    Address old = residents.addresses(id.value()).stream().findFirst().orElse(null);
    if (v.address.isPresent() && !v.address.get().equals(old)) {
      residents.setPrimaryAddress(id.value(), v.address.get());
    }
    if (details.vulnerabilities() != null && canSeeVulnerabilities()) {
      residents.replaceVulnerabilities(id.value(), details.vulnerabilities());
    }
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "details changed");
    events.publishEvent(new ResidentUpdated(id, v.address.map(Address::wardCode).orElse(null)));
  }

  /**
   * Removes a phone number the resident no longer uses (a wrong one, or one that came over in a
   * merge). Editing never removes one, so that a typo in the form cannot lose a way of reaching
   * them; this is the deliberate step.
   */
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  @Transactional
  public void removePhone(ResidentId id, String phone) {
    live(id);
    if (!residents.removePhone(id.value(), phone)) {
      throw new NotFoundException("Phone number");
    }
    recordRemoval(id, "phone number removed");
  }

  /** Removes an email address the resident no longer uses; see {@link #removePhone}. */
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  @Transactional
  public void removeEmail(ResidentId id, String email) {
    live(id);
    if (!residents.removeEmail(id.value(), email)) {
      throw new NotFoundException("Email address");
    }
    recordRemoval(id, "email address removed");
  }

  private void recordRemoval(ResidentId id, String detail) {
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), detail);
    String ward =
        residents.addresses(id.value()).stream().findFirst().map(Address::wardCode).orElse(null);
    events.publishEvent(new ResidentUpdated(id, ward));
  }

  /** Everything about a resident; the view is audited. Merged records are followed. */
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Transactional
  public Resident view(ResidentId id) {
    Resident resident = load(id);
    audit.record(AuditAction.VIEW, SUBJECT, resident.id().toString(), "single view");
    return resident;
  }

  /** The id a merged resident now lives under (itself when not merged). */
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Transactional(readOnly = true)
  public ResidentId current(ResidentId id) {
    Row row = residents.find(id.value()).orElseThrow(() -> new NotFoundException("Resident"));
    return row.mergedInto() == null ? id : current(new ResidentId(row.mergedInto()));
  }

  /** Name and id only, for labels on other records (a case's 'reported by'). */
  @PreAuthorize("hasAuthority('CASE_READ') or hasAuthority('RESIDENT_READ')")
  @Transactional(readOnly = true)
  public Optional<String> nameOf(ResidentId id) {
    return residents.find(id.value()).map(r -> r.forename() + " " + r.surname());
  }

  /**
   * Finds residents by name ('smith', 'john smith', 'smith, john'), postcode, phone or email. Case
   * references are recognised by the console, which asks the cases module.
   */
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Transactional
  public ResidentSearch search(String query, String after) {
    String q = query == null ? "" : query.trim();
    if (q.length() < 2) {
      throw InvalidInputException.of("q", "Enter at least 2 characters to search for");
    }
    if (q.length() > 200) {
      throw InvalidInputException.of("q", "Search must be 200 characters or fewer");
    }
    String afterKey = null;
    UUID afterId = null;
    if (after != null && !after.isBlank()) {
      String[] cursor = decodeCursor(after);
      afterKey = cursor[0];
      afterId = UUID.fromString(cursor[1]);
    }
    int ask = PAGE_SIZE + 1;
    String kind;
    List<ResidentSummary> rows;
    Optional<String> email = q.contains("@") ? UkFormats.email(q) : Optional.empty();
    Optional<String> postcode = UkFormats.postcode(q);
    Optional<String> phone =
        q.matches(".*\\d{5,}.*|^[+0-9 ()-]+$") ? UkFormats.phone(q) : Optional.empty();
    if (email.isPresent()) {
      kind = "email";
      rows = residents.byEmail(email.get(), afterKey, afterId, ask);
    } else if (postcode.isPresent()) {
      kind = "postcode";
      rows = residents.byPostcode(postcode.get(), afterKey, afterId, ask);
    } else if (phone.isPresent()) {
      kind = "phone";
      rows = residents.byPhone(phone.get(), afterKey, afterId, ask);
    } else {
      kind = "name";
      rows = residents.byNamePrefix(namePrefix(q), afterKey, afterId, ask);
    }
    audit.record(AuditAction.SEARCH, SUBJECT, "*", "by " + kind + ": " + q);
    String next = null;
    if (rows.size() > PAGE_SIZE) {
      rows = rows.subList(0, PAGE_SIZE);
      ResidentSummary last = rows.get(PAGE_SIZE - 1);
      next = encodeCursor(last.sortKey(), last.id().value());
    }
    List<ResidentSummary> similar = List.of();
    if (kind.equals("name") && afterKey == null && rows.size() < PAGE_SIZE) {
      // The spelling found less than a page: add names that sound or are spelt nearly alike.
      similar = SimilarNames.find(residents, namePrefix(q), rows);
    }
    return new ResidentSearch(kind, rows, next, similar);
  }

  /**
   * Merges {@code duplicate} into {@code keep}: contact details, addresses and flags are copied
   * over, the duplicate points at the kept record, and {@link ResidentsMerged} moves contacts and
   * cases in the same transaction.
   */
  @PreAuthorize("hasAuthority('RESIDENT_MERGE')")
  @Transactional
  public void merge(ResidentId keep, ResidentId duplicate) {
    if (keep.equals(duplicate)) {
      throw InvalidInputException.of("duplicate", "Choose two different residents to merge");
    }
    live(keep);
    live(duplicate);
    UUID k = keep.value();
    UUID d = duplicate.value();
    residents.emails(d).forEach(e -> residents.addEmail(k, e));
    residents.phones(d).forEach(p -> residents.addPhone(k, p));
    List<Address> kept = residents.addresses(k);
    for (Address a : residents.addresses(d)) {
      if (!kept.contains(a)) {
        residents.addSecondaryAddress(k, a);
      }
    }
    residents.vulnerabilities(d).forEach(f -> residents.addVulnerability(k, f));
    residents.markMerged(d, k, clock.instant());
    audit.record(AuditAction.MERGE, SUBJECT, k.toString(), "merged " + d + " into this record");
    audit.record(AuditAction.MERGE, SUBJECT, d.toString(), "merged into " + k);
    events.publishEvent(new ResidentsMerged(keep, duplicate));
  }

  // --- internals ------------------------------------------------------------------------------

  private Row live(ResidentId id) {
    Row row = residents.find(id.value()).orElseThrow(() -> new NotFoundException("Resident"));
    if (row.mergedInto() != null) {
      throw new ConflictException("This resident has been merged into another record");
    }
    if (residents.erasedAt(id.value()).isPresent()) {
      throw new ConflictException("This resident's personal data has been erased");
    }
    return row;
  }

  private Resident load(ResidentId requested) {
    ResidentId id = current(requested);
    Row r = residents.find(id.value()).orElseThrow(() -> new NotFoundException("Resident"));
    boolean maySee = canSeeVulnerabilities();
    List<Vulnerability> flags = residents.vulnerabilities(id.value());
    return new Resident(
        id,
        r.forename(),
        r.surname(),
        r.dateOfBirth(),
        residents.emails(id.value()),
        residents.phones(id.value()),
        residents.addresses(id.value()),
        r.preferredChannel(),
        r.preferredLanguage(),
        r.accessibilityNeeds(),
        maySee ? flags : List.of(),
        !maySee && !flags.isEmpty(),
        r.createdAt(),
        r.updatedAt(),
        r.version());
  }

  private static boolean canSeeVulnerabilities() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getAuthorities().stream()
            .anyMatch(a -> Permission.VULNERABILITY_READ.name().equals(a.getAuthority()));
  }

  private record Valid(
      String forename,
      String surname,
      Optional<String> email,
      Optional<String> phone,
      Optional<Address> address) {}

  private Valid validate(ResidentDetails d) {
    Errors errors = new Errors();
    String forename = trim(d.forename());
    String surname = trim(d.surname());
    if (forename == null) {
      errors.reject("forename", "Enter the resident's first name");
    } else if (forename.length() > 100) {
      errors.reject("forename", "First name must be 100 characters or fewer");
    }
    if (surname == null) {
      errors.reject("surname", "Enter the resident's last name");
    } else if (surname.length() > 100) {
      errors.reject("surname", "Last name must be 100 characters or fewer");
    }
    LocalDate dob = d.dateOfBirth();
    if (dob != null
        && (dob.isAfter(LocalDate.now(clock)) || dob.isBefore(LocalDate.of(1900, 1, 1)))) {
      errors.reject("dateOfBirth", "Date of birth must be a real date in the past");
    }
    Optional<String> email = Optional.empty();
    if (trim(d.email()) != null) {
      email = UkFormats.email(d.email());
      if (email.isEmpty()) {
        errors.reject(
            "email", "Enter an email address in the correct format, like name@example.com");
      }
    }
    Optional<String> phone = Optional.empty();
    if (trim(d.phone()) != null) {
      phone = UkFormats.phone(d.phone());
      if (phone.isEmpty()) {
        errors.reject("phone", "Enter a UK phone number, like 01632 960 001 or 07700 900 982");
      }
    }
    Optional<Address> address = Optional.empty();
    String line1 = trim(d.addressLine1());
    String postcodeInput = trim(d.postcode());
    if (line1 != null || postcodeInput != null) {
      if (line1 == null) {
        errors.reject("addressLine1", "Enter the first line of the address");
      } else if (line1.length() > 200) {
        errors.reject("addressLine1", "Address line 1 must be 200 characters or fewer");
      }
      Optional<String> postcode = UkFormats.postcode(postcodeInput);
      if (postcode.isEmpty()) {
        errors.reject("postcode", "Enter a real postcode, like SW1A 1AA");
      }
      if (d.uprn() != null && (d.uprn() <= 0 || d.uprn() > 999_999_999_999L)) {
        errors.reject("uprn", "A UPRN is a number of up to 12 digits");
      }
      if (errors.isEmpty()) {
        address =
            Optional.of(
                new Address(
                    line1,
                    trim(d.addressLine2()),
                    trim(d.town()),
                    postcode.get(),
                    d.uprn(),
                    trim(d.wardCode())));
      }
    }
    if (trim(d.accessibilityNeeds()) != null && d.accessibilityNeeds().length() > 500) {
      errors.reject("accessibilityNeeds", "Accessibility needs must be 500 characters or fewer");
    }
    errors.throwIfAny();
    return new Valid(forename, surname, email, phone, address);
  }

  /** Lower-case 'surname forename', accents and punctuation removed: the search and sort key. */
  public static String searchName(String forename, String surname) {
    return normalise(surname) + " " + normalise(forename);
  }

  static String normalise(String s) {
    String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9 ]", "")
        .replaceAll("\\s+", " ")
        .trim();
  }

  /** 'john smith' searches 'smith john%', 'smith, john' too, and 'smith' searches 'smith%'. */
  static String namePrefix(String q) {
    if (q.contains(",")) {
      String[] parts = q.split(",", 2);
      return (normalise(parts[0]) + " " + normalise(parts[1])).trim();
    }
    String n = normalise(q);
    int space = n.lastIndexOf(' ');
    return space < 0 ? n : n.substring(space + 1) + " " + n.substring(0, space);
  }

  private static String encodeCursor(String key, UUID id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((key + "\n" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decodeCursor(String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = s.split("\n", 2);
      UUID.fromString(parts[1]);
      return parts;
    } catch (RuntimeException e) {
      throw InvalidInputException.of("after", "The page link is not valid; search again");
    }
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String blankToNull(String s) {
    return trim(s);
  }

  /** Residents per call, for other modules' lists (e.g. names on a queue). */
  @PreAuthorize("hasAuthority('CASE_READ') or hasAuthority('RESIDENT_READ')")
  @Transactional(readOnly = true)
  public Map<ResidentId, String> namesOf(List<ResidentId> ids) {
    Map<ResidentId, String> names = new LinkedHashMap<>();
    residents
        .names(ids.stream().map(ResidentId::value).distinct().toList())
        .forEach((id, name) -> names.put(new ResidentId(id), name));
    return names;
  }
}
