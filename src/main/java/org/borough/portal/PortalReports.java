// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.borough.cases.CaseAttachments;
import org.borough.cases.CaseFeed;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.cases.TrackedCase;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.residents.Address;
import org.borough.residents.Channel;
import org.borough.residents.Reporter;
import org.borough.residents.Reporters;
import org.borough.residents.Resident;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.system.UkFormats;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal's pages do to the CRM, each as one transaction run as {@link PortalPrincipal}:
 * sending a report (resident, case, photos and contact together, or none of them), following a
 * case, finding possible duplicates and tracking.
 */
@Service
class PortalReports {

  private final CaseManagement cases;
  private final CaseFeed feed;
  private final CaseAttachments attachments;
  private final ContactLog contacts;
  private final ResidentManagement residents;
  private final Reporters reporters;
  private final PhotoStore photos;
  private final PortalProperties properties;

  PortalReports(
      CaseManagement cases,
      CaseFeed feed,
      CaseAttachments attachments,
      ContactLog contacts,
      ResidentManagement residents,
      Reporters reporters,
      PhotoStore photos,
      PortalProperties properties) {
    this.cases = cases;
    this.feed = feed;
    this.attachments = attachments;
    this.contacts = contacts;
    this.residents = residents;
    this.reporters = reporters;
    this.photos = photos;
    this.properties = properties;
  }

  /** Open cases of the report's service at or near its location, nearest first. */
  List<CaseFeed.PublicCase> possibleDuplicates(ReportAnswers a) {
    return PortalPrincipal.call(
        PortalPrincipal.LOOK,
        () ->
            feed.possibleDuplicates(
                a.serviceCode,
                a.latitude,
                a.longitude,
                null,
                a.address(),
                properties.duplicateRadiusMetres(),
                properties.duplicateDays(),
                10));
  }

  /** Sends the report: the case reference, or an exception and nothing saved. */
  @Transactional
  public String submit(ReportAnswers a) {
    return PortalPrincipal.call(
        PortalPrincipal.REPORT,
        () -> {
          ResidentId reporter = reporter(a);
          CaseView opened =
              cases.open(
                  new NewCase(
                      a.serviceCode,
                      reporter,
                      a.description,
                      a.address(),
                      null,
                      a.latitude,
                      a.longitude,
                      null,
                      a.answers,
                      null,
                      null,
                      Channel.WEB,
                      null));
          for (ReportAnswers.Photo p : a.photos) {
            try (InputStream in = photos.open(p.id())) {
              attachments.add(opened.id(), p.filename(), p.size(), in);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          contacts.log(
              new NewContact(
                  reporter,
                  opened.reference(),
                  Channel.WEB,
                  Direction.INBOUND,
                  null,
                  null,
                  ContactOutcome.CASE_RAISED,
                  "Reported on the resident portal"));
          return opened.reference();
        });
  }

  /** Makes the resident in the answers a follower of the chosen case. */
  @Transactional
  public void follow(ReportAnswers a) {
    PortalPrincipal.call(
        PortalPrincipal.REPORT,
        () -> {
          ResidentId resident = reporter(a);
          cases.follow(a.followReference, resident);
          contacts.log(
              new NewContact(
                  resident,
                  a.followReference,
                  Channel.WEB,
                  Direction.INBOUND,
                  null,
                  null,
                  ContactOutcome.CASE_UPDATED,
                  "Followed on the resident portal"));
          return null;
        });
  }

  /**
   * The case, if the reference exists and the email or postcode belongs to it: the email of its
   * reporter or a follower, or the postcode of its location or of one of them. Whether the
   * reference exists is not told apart from a wrong detail.
   */
  @Transactional
  public Optional<TrackedCase> track(String reference, String detail) {
    return PortalPrincipal.call(
        PortalPrincipal.TRACK,
        () -> {
          Optional<TrackedCase> found = cases.track(reference);
          if (found.isEmpty() || detail == null) {
            return Optional.empty();
          }
          Optional<String> email = UkFormats.email(detail);
          Optional<String> postcode = UkFormats.postcode(detail);
          TrackedCase t = found.get();
          if (postcode.isPresent() && mentions(t.details().address(), postcode.get())) {
            return found;
          }
          if (email.isEmpty() && postcode.isEmpty()) {
            return Optional.empty();
          }
          for (ResidentId id : t.audience().everyone()) {
            Resident r = residents.view(id);
            if (email.isPresent() && r.emails().contains(email.get())) {
              return found;
            }
            if (postcode.isPresent()
                && r.addresses().stream()
                    .map(Address::postcode)
                    .anyMatch(p -> postcode.get().equals(p))) {
              return found;
            }
          }
          return Optional.empty();
        });
  }

  /** A case again, for the resident who has already shown they may see it. */
  @Transactional
  public Optional<TrackedCase> view(String reference) {
    return PortalPrincipal.call(PortalPrincipal.TRACK, () -> cases.track(reference));
  }

  private static boolean mentions(String address, String postcode) {
    if (address == null) {
      return false;
    }
    return address
        .replaceAll("\\s+", "")
        .toUpperCase(Locale.ROOT)
        .contains(postcode.replace(" ", ""));
  }

  /**
   * The resident the answers describe: the signed-in resident when they kept their verified email,
   * else by the residents module's rules ({@link Reporters#findOrRegister}). Null for an anonymous
   * report.
   */
  private ResidentId reporter(ReportAnswers a) {
    if (a.anonymous()) {
      return null;
    }
    if (a.verifiedResident != null) {
      return new ResidentId(a.verifiedResident);
    }
    return reporters
        .findOrRegister(new Reporter(a.firstName, a.lastName, a.email, a.phone, null))
        .orElse(null);
  }
}
