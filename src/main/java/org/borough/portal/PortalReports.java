// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.borough.cases.CaseAttachments;
import org.borough.cases.CaseFeed;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.cases.ReporterProof;
import org.borough.cases.TrackedCase;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.residents.Channel;
import org.borough.residents.Reporter;
import org.borough.residents.Reporters;
import org.borough.residents.ResidentId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal's pages do to the CRM, each as one transaction run as {@link PortalPrincipal}:
 * sending a report (resident, case, photos and contact together, or none of them), following a
 * case, finding possible duplicates and reading a case to track.
 */
@Service
class PortalReports {

  private final CaseManagement cases;
  private final CaseFeed feed;
  private final CaseAttachments attachments;
  private final ContactLog contacts;
  private final Reporters reporters;
  private final PhotoStore photos;
  private final PortalProperties properties;
  private final ReporterProof proof;
  private final ReportClaims claims;

  PortalReports(
      CaseManagement cases,
      CaseFeed feed,
      CaseAttachments attachments,
      ContactLog contacts,
      Reporters reporters,
      PhotoStore photos,
      PortalProperties properties,
      ReporterProof proof,
      ReportClaims claims) {
    this.cases = cases;
    this.feed = feed;
    this.attachments = attachments;
    this.contacts = contacts;
    this.reporters = reporters;
    this.photos = photos;
    this.properties = properties;
    this.proof = proof;
    this.claims = claims;
  }

  /**
   * Open cases of the report's service at or near its location, nearest first: only for a published
   * service, at a street's precision, without the reporters' words.
   */
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
          if (reporter != null && a.verifiedResident == null) {
            proof.reporterUnproven(opened.id());
            offerClaim(a, opened.reference());
          }
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
          if (cases.follow(a.followReference, resident) && a.verifiedResident == null) {
            proof.followUnproven(a.followReference, resident);
            offerClaim(a, a.followReference);
          }
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
   * A case as stored for tracking; who may see what of it is {@link PortalAccounts#seenBy}'s
   * decision. Audited as read.
   */
  @Transactional
  public Optional<TrackedCase> view(String reference) {
    return PortalPrincipal.call(PortalPrincipal.TRACK, () -> cases.track(reference));
  }

  /**
   * Emails the address given a link that proves the report is theirs: until it is followed, the
   * report is not in that address's account (anyone could have typed it). Given a phone only, there
   * is nothing to send, and the report stays out of any account.
   */
  private void offerClaim(ReportAnswers a, String reference) {
    if (a.email != null) {
      claims.issue(reference, a.email);
    }
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
