// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

import java.time.Instant;
import java.util.List;

/** A request with some of its fields changed: the next state a step saves. */
final class RequestChange {

  private final InformationRequest r;
  private Instant dueBy;
  private Instant firstDueBy;
  private Instant clarificationAskedAt;
  private Instant clarifiedAt;
  private String extensionReason;
  private Instant respondedAt;
  private Disclosure outcome;
  private List<Exemption> exemptions;
  private String logTitle;
  private String logText;
  private Instant reviewRequestedAt;
  private Instant reviewDueBy;
  private Instant reviewedAt;
  private ReviewOutcome reviewOutcome;

  RequestChange(InformationRequest r) {
    this.r = r;
    dueBy = r.dueBy();
    firstDueBy = r.firstDueBy();
    clarificationAskedAt = r.clarificationAskedAt();
    clarifiedAt = r.clarifiedAt();
    extensionReason = r.extensionReason();
    respondedAt = r.respondedAt();
    outcome = r.outcome();
    exemptions = r.exemptions();
    logTitle = r.logTitle();
    logText = r.logText();
    reviewRequestedAt = r.reviewRequestedAt();
    reviewDueBy = r.reviewDueBy();
    reviewedAt = r.reviewedAt();
    reviewOutcome = r.reviewOutcome();
  }

  RequestChange dueBy(Instant v) {
    dueBy = v;
    return this;
  }

  RequestChange firstDueBy(Instant v) {
    firstDueBy = v;
    return this;
  }

  RequestChange clarificationAskedAt(Instant v) {
    clarificationAskedAt = v;
    return this;
  }

  RequestChange clarifiedAt(Instant v) {
    clarifiedAt = v;
    return this;
  }

  RequestChange extensionReason(String v) {
    extensionReason = v;
    return this;
  }

  RequestChange respondedAt(Instant v) {
    respondedAt = v;
    return this;
  }

  RequestChange outcome(Disclosure v) {
    outcome = v;
    return this;
  }

  RequestChange exemptions(List<Exemption> v) {
    exemptions = List.copyOf(v);
    return this;
  }

  RequestChange logTitle(String v) {
    logTitle = v;
    return this;
  }

  RequestChange logText(String v) {
    logText = v;
    return this;
  }

  RequestChange reviewRequestedAt(Instant v) {
    reviewRequestedAt = v;
    return this;
  }

  RequestChange reviewDueBy(Instant v) {
    reviewDueBy = v;
    return this;
  }

  RequestChange reviewedAt(Instant v) {
    reviewedAt = v;
    return this;
  }

  RequestChange reviewOutcome(ReviewOutcome v) {
    reviewOutcome = v;
    return this;
  }

  InformationRequest build() {
    return new InformationRequest(
        r.caseId(),
        r.reference(),
        r.regime(),
        r.receivedAt(),
        dueBy,
        firstDueBy,
        clarificationAskedAt,
        clarifiedAt,
        extensionReason,
        respondedAt,
        outcome,
        exemptions,
        logTitle,
        logText,
        reviewRequestedAt,
        reviewDueBy,
        reviewedAt,
        reviewOutcome);
  }
}
