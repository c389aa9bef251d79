// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * What a decision says: the record a council publishes under reg 13, in the order of a ModernGov
 * "Issue - decisions" page. It is the shape the JSON API returns (inside {@link Decision}) and the
 * shape an import takes. {@code publicationDate} is set by the register when a decision is
 * published; only an import of past decisions supplies it.
 *
 * @param exemption the exempt information it holds (Schedule 12A), or null when it holds none; see
 *     {@link #published()} for what the public see
 */
public record DecisionDetails(
    DecisionIssue issue,
    DecisionMaker decisionMaker,
    LocalDate meetingDate,
    String introducedBy,
    LocalDate decisionDate,
    LocalDate publicationDate,
    Boolean keyDecision,
    Boolean subjectToCallIn,
    KeyDecisionNotice keyDecisionNotice,
    String purpose,
    List<DecisionItem> items,
    String reasons,
    List<RejectedOption> alternativeOptions,
    String declarations,
    List<DeclaredInterest> interests,
    List<DecisionDocument> documents,
    Exemption exemption) {

  public DecisionDetails {
    keyDecision = keyDecision != null && keyDecision;
    subjectToCallIn = subjectToCallIn == null || subjectToCallIn;
    keyDecisionNotice = keyDecisionNotice == null ? KeyDecisionNotice.NONE : keyDecisionNotice;
    items = items == null ? List.of() : List.copyOf(items);
    alternativeOptions = alternativeOptions == null ? List.of() : List.copyOf(alternativeOptions);
    documents = documents == null ? List.of() : List.copyOf(documents);
    interests = interests == null ? List.of() : List.copyOf(interests);
  }

  /** A decision without exempt information. */
  public DecisionDetails(
      DecisionIssue issue,
      DecisionMaker decisionMaker,
      LocalDate meetingDate,
      String introducedBy,
      LocalDate decisionDate,
      LocalDate publicationDate,
      Boolean keyDecision,
      Boolean subjectToCallIn,
      KeyDecisionNotice keyDecisionNotice,
      String purpose,
      List<DecisionItem> items,
      String reasons,
      List<RejectedOption> alternativeOptions,
      String declarations,
      List<DeclaredInterest> interests,
      List<DecisionDocument> documents) {
    this(
        issue,
        decisionMaker,
        meetingDate,
        introducedBy,
        decisionDate,
        publicationDate,
        keyDecision,
        subjectToCallIn,
        keyDecisionNotice,
        purpose,
        items,
        reasons,
        alternativeOptions,
        declarations,
        interests,
        documents,
        null);
  }

  /**
   * The decision as the public see it (reg 20 of SI 2012/2089): an exempt part's words are left
   * out; a wholly exempt decision keeps its title and summary, decision maker, dates and
   * declarations of interest, and loses its background, items, reasons and options; exempt reports
   * keep their titles and lose their links. Everything published — the page, the API, the feeds,
   * earlier versions and the register's search — is made from this.
   */
  public DecisionDetails published() {
    boolean whole = exemption != null && exemption.whole();
    return new DecisionDetails(
        issue,
        decisionMaker,
        meetingDate,
        introducedBy,
        decisionDate,
        publicationDate,
        keyDecision,
        subjectToCallIn,
        keyDecisionNotice,
        whole ? null : purpose,
        whole ? List.of() : items,
        whole ? null : reasons,
        whole ? List.of() : alternativeOptions,
        declarations,
        interests,
        documents.stream()
            .map(d -> whole ? d.withheldUnder(exemption.paragraph()) : d.published())
            .toList(),
        exemption == null ? null : exemption.published());
  }

  /** The same decision with another publication date. */
  public DecisionDetails withPublicationDate(LocalDate date) {
    return new DecisionDetails(
        issue,
        decisionMaker,
        meetingDate,
        introducedBy,
        decisionDate,
        date,
        keyDecision,
        subjectToCallIn,
        keyDecisionNotice,
        purpose,
        items,
        reasons,
        alternativeOptions,
        declarations,
        interests,
        documents,
        exemption);
  }

  /** The title of the issue, or empty. */
  public String title() {
    return issue == null || issue.title() == null ? "" : issue.title();
  }

  /** Sum of the items' amounts, in pence. */
  public long totalPence() {
    return items.stream().mapToLong(i -> i.amountPence() == null ? 0 : i.amountPence()).sum();
  }
}
