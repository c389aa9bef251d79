// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.residents.internal.ResidentRepository;
import org.borough.system.NotFoundException;
import org.borough.system.UkFormats;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a resident's own account needs of their record: who they are by a verified email, and their
 * contact preferences. Every read and change is audited.
 */
@Service
public class ResidentAccounts {

  private static final String SUBJECT = "resident";

  private final ResidentRepository residents;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ResidentAccounts(
      ResidentRepository residents, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
    this.residents = residents;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The residents (not merged away) who have this email address, oldest first: usually one. Empty
   * for an address Borough does not know, or one that is not an email address.
   */
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Transactional
  public List<ResidentId> withEmail(String email) {
    List<ResidentId> found =
        UkFormats.email(email)
            .map(e -> residents.idsByEmail(e).stream().map(ResidentId::new).toList())
            .orElse(List.of());
    found.forEach(id -> audit.record(AuditAction.SEARCH, SUBJECT, id.toString(), "by email"));
    return found;
  }

  /** How the resident wants to hear about their reports. */
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Transactional
  public ContactPreferences preferences(ResidentId id) {
    boolean[] p =
        residents.preferences(id.value()).orElseThrow(() -> new NotFoundException("Resident"));
    audit.record(AuditAction.VIEW, SUBJECT, id.toString(), "contact preferences");
    return new ContactPreferences(p[0], p[1]);
  }

  /**
   * How a message about their reports can reach the resident (following merges), read in one
   * statement and audited once: the notifications dispatcher asks this for every message, and the
   * whole single view it used to read cost seven statements and two audit entries a message.
   */
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Transactional
  public Reach reach(ResidentId id) {
    ResidentRepository.ReachRow row =
        residents.reach(id.value()).orElseThrow(() -> new NotFoundException("Resident"));
    for (int hops = 0; row.mergedInto() != null && hops < 10; hops++) {
      row = residents.reach(row.mergedInto()).orElseThrow(() -> new NotFoundException("Resident"));
    }
    audit.record(AuditAction.VIEW, SUBJECT, row.id().toString(), "contact details for a message");
    return new Reach(
        new ResidentId(row.id()),
        row.forename(),
        Optional.ofNullable(row.email()),
        Optional.ofNullable(row.mobile()),
        new ContactPreferences(row.emailUpdates(), row.textUpdates()),
        post(row));
  }

  private static Optional<PostalAddress> post(ResidentRepository.ReachRow row) {
    if (row.postcode() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PostalAddress(
            (row.forename() + " " + row.surname()).strip(),
            row.line1(),
            row.line2(),
            row.town(),
            row.postcode()));
  }

  /** Records how the resident wants to hear about their reports. */
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  @Transactional
  public void changePreferences(ResidentId id, ContactPreferences preferences) {
    if (residents.preferences(id.value()).isEmpty()) {
      throw new NotFoundException("Resident");
    }
    residents.setPreferences(
        id.value(), preferences.emailUpdates(), preferences.textUpdates(), clock.instant());
    audit.record(
        AuditAction.UPDATE,
        SUBJECT,
        id.toString(),
        "contact preferences: email "
            + (preferences.emailUpdates() ? "on" : "off")
            + ", text "
            + (preferences.textUpdates() ? "on" : "off"));
    String ward =
        residents.addresses(id.value()).stream().findFirst().map(Address::wardCode).orElse(null);
    events.publishEvent(new ResidentUpdated(id, ward));
  }
}
