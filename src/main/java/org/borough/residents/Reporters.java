// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.util.List;
import java.util.Optional;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.residents.internal.ResidentRepository;
import org.borough.system.InvalidInputException;
import org.borough.system.UkFormats;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds or registers the resident who made a report, with the same rules for every channel that
 * takes reports from residents themselves (the portal, Open311 apps).
 */
@Service
public class Reporters {

  private final ResidentRepository residents;
  private final ResidentManagement management;
  private final AuditLog audit;

  Reporters(ResidentRepository residents, ResidentManagement management, AuditLog audit) {
    this.residents = residents;
    this.management = management;
    this.audit = audit;
  }

  /**
   * The reporter, if they can be told apart: the one resident with their email, or else the one
   * with their phone; otherwise a new resident when they gave both names and an email or phone;
   * otherwise nobody (an anonymous report). Two or more residents sharing the email (or phone) is
   * no match: the report must not land on the wrong person's record. A phone Borough cannot read
   * (say, from abroad) is ignored rather than losing the report; an email it cannot read is an
   * error, since registering without it would lose the way to reach them. A match is audited as a
   * view of that resident; a registration as its creation.
   *
   * @throws InvalidInputException for an unreadable email, or names a new resident cannot have
   */
  @PreAuthorize("hasAuthority('RESIDENT_READ') and hasAuthority('RESIDENT_WRITE')")
  @Transactional
  public Optional<ResidentId> findOrRegister(Reporter reporter) {
    Optional<String> email = Optional.empty();
    if (reporter.email() != null && !reporter.email().isBlank()) {
      email = UkFormats.email(reporter.email());
      if (email.isEmpty()) {
        throw InvalidInputException.of(
            "email", "Enter an email address in the correct format, like name@example.com");
      }
      Optional<ResidentId> found = only(residents.byEmail(email.get(), null, null, 2));
      if (found.isPresent()) {
        audit.record(AuditAction.VIEW, "resident", found.get().toString(), "reporter by email");
        return found;
      }
    }
    Optional<String> phone = UkFormats.phone(reporter.phone());
    if (phone.isPresent()) {
      Optional<ResidentId> found = only(residents.byPhone(phone.get(), null, null, 2));
      if (found.isPresent()) {
        audit.record(AuditAction.VIEW, "resident", found.get().toString(), "reporter by phone");
        return found;
      }
    }
    if (blank(reporter.forename())
        || blank(reporter.surname())
        || (email.isEmpty() && phone.isEmpty())) {
      return Optional.empty();
    }
    Channel channel =
        reporter.preferredChannel() != null
            ? reporter.preferredChannel()
            : email.isPresent() ? Channel.EMAIL : Channel.PHONE;
    return Optional.of(
        management.register(
            new ResidentDetails(
                reporter.forename(),
                reporter.surname(),
                null,
                email.orElse(null),
                phone.orElse(null),
                null,
                null,
                null,
                null,
                null,
                null,
                channel,
                null,
                null,
                null)));
  }

  private static Optional<ResidentId> only(List<ResidentSummary> found) {
    return found.size() == 1 ? Optional.of(found.get(0).id()) : Optional.empty();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
