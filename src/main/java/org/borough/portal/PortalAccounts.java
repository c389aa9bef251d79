// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.util.List;
import java.util.Optional;
import org.borough.cases.CaseFeed;
import org.borough.cases.ReporterProof;
import org.borough.cases.TrackedCase;
import org.borough.residents.ContactPreferences;
import org.borough.residents.Resident;
import org.borough.residents.ResidentAccounts;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in resident's pages do to the CRM, as {@link PortalPrincipal}. The account is the
 * verified email address: the residents with it (usually one record; two when the council has not
 * yet merged a duplicate) are looked up on every call, so a merge or a removed address takes effect
 * at once. The oldest record is the one new reports are linked to.
 */
@Service
class PortalAccounts {

  /** Reports on one page of "Your reports". */
  static final int PAGE_SIZE = 20;

  private final ResidentAccounts accounts;
  private final ResidentManagement residents;
  private final CaseFeed feed;
  private final SignInLinks links;
  private final ReporterProof proof;

  PortalAccounts(
      ResidentAccounts accounts,
      ResidentManagement residents,
      CaseFeed feed,
      SignInLinks links,
      ReporterProof proof) {
    this.accounts = accounts;
    this.residents = residents;
    this.feed = feed;
    this.links = links;
    this.proof = proof;
  }

  /** A page of the resident's reports; {@code more} says whether another page follows. */
  record Page(List<CaseFeed.ResidentCase> cases, int number, boolean more) {}

  /** Sends a sign-in link when the address is a resident's; says nothing either way. */
  @Transactional
  public void requestLink(String email) {
    boolean known =
        PortalPrincipal.call(PortalPrincipal.SIGN_IN, () -> !accounts.withEmail(email).isEmpty());
    if (known) {
      links.issue(email);
    }
  }

  /** The resident record new reports are linked to, if the address still has one. */
  @Transactional
  public Optional<Resident> primary(String email) {
    return PortalPrincipal.call(
        PortalPrincipal.ACCOUNT,
        () -> accounts.withEmail(email).stream().findFirst().map(residents::view));
  }

  @Transactional
  public Page reports(String email, int page) {
    return PortalPrincipal.call(
        PortalPrincipal.ACCOUNT,
        () -> {
          int number = Math.max(1, page);
          List<CaseFeed.ResidentCase> found =
              feed.ofResidents(accounts.withEmail(email), (number - 1) * PAGE_SIZE, PAGE_SIZE + 1);
          boolean more = found.size() > PAGE_SIZE;
          return new Page(more ? found.subList(0, PAGE_SIZE) : found, number, more);
        });
  }

  @Transactional
  public ContactPreferences preferences(String email) {
    return PortalPrincipal.call(
        PortalPrincipal.ACCOUNT,
        () ->
            accounts.withEmail(email).stream()
                .findFirst()
                .map(accounts::preferences)
                .orElse(ContactPreferences.DEFAULT));
  }

  /** The same preferences on every record with the address: they are one person's. */
  @Transactional
  public void changePreferences(String email, ContactPreferences preferences) {
    PortalPrincipal.call(
        PortalPrincipal.ACCOUNT,
        () -> {
          accounts.withEmail(email).forEach(id -> accounts.changePreferences(id, preferences));
          return null;
        });
  }

  /**
   * The owner of the address followed the link emailed to it about the report: the report is now
   * theirs in their account.
   *
   * @return whether a resident with the address reports or follows it by a proven link now
   */
  @Transactional
  public boolean claim(ReportClaims.Claim claim) {
    return PortalPrincipal.call(
        PortalPrincipal.CLAIM,
        () -> proof.prove(claim.reference(), accounts.withEmail(claim.email())));
  }

  /**
   * The case as a signed-in resident sees it: as {@link #seenBy} decides, but only when it is
   * theirs by a proven link; a report someone else made in their name needs its details, like
   * anyone's.
   */
  @Transactional
  public Optional<TrackedCase> seenByAccount(String email, TrackedCase tracked) {
    boolean theirs =
        PortalPrincipal.call(
            PortalPrincipal.TRACK,
            () -> proof.proven(tracked.details().reference(), accounts.withEmail(email)));
    return theirs ? seenBy(email, tracked) : Optional.empty();
  }

  /**
   * The case as the person with this email address may see it: {@link TrackedCase#forReporter() its
   * reporter's view} when a resident with the address reported it, {@link TrackedCase#forFollower()
   * the public view} when one only follows it, else nothing.
   */
  @Transactional
  public Optional<TrackedCase> seenBy(String email, TrackedCase tracked) {
    List<ResidentId> them =
        PortalPrincipal.call(PortalPrincipal.TRACK, () -> accounts.withEmail(email));
    if (tracked.audience().reporter() != null && them.contains(tracked.audience().reporter())) {
      return Optional.of(tracked.forReporter());
    }
    if (tracked.audience().followers().stream().anyMatch(them::contains)) {
      return Optional.of(tracked.forFollower());
    }
    return Optional.empty();
  }
}
