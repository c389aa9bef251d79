// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * What a forward-plan notice tells the public (SI 2012/2089 reg 9(2)): the matter to be decided,
 * who will decide it and when, the documents the decision maker will have and where to get them,
 * and, if part of the meeting is to be held in private, why (reg 5).
 *
 * @param wards GSS codes of the wards affected; none means borough-wide
 * @param expectedDecisionDate the date on which, or by which, the decision is expected
 * @param documents the reports and papers to be submitted, one per line
 * @param documentsFrom where copies of them can be had (an office or web address, not a person)
 * @param privateReason why the matter, or part of it, will be considered in private; null if not
 * @param privateParagraph the paragraph of Schedule 12A that makes the private part exempt; given
 *     with {@code privateReason}
 */
public record ForwardPlanNoticeDetails(
    String title,
    String summary,
    List<String> wards,
    String decisionMaker,
    LocalDate expectedDecisionDate,
    Boolean keyDecision,
    String documents,
    String documentsFrom,
    String privateReason,
    ExemptParagraph privateParagraph) {

  public ForwardPlanNoticeDetails {
    wards = wards == null ? List.of() : List.copyOf(wards);
    keyDecision = keyDecision == null || keyDecision;
  }

  /** A notice of a meeting held wholly in public. */
  public ForwardPlanNoticeDetails(
      String title,
      String summary,
      List<String> wards,
      String decisionMaker,
      LocalDate expectedDecisionDate,
      Boolean keyDecision,
      String documents,
      String documentsFrom,
      String privateReason) {
    this(
        title,
        summary,
        wards,
        decisionMaker,
        expectedDecisionDate,
        keyDecision,
        documents,
        documentsFrom,
        privateReason,
        null);
  }

  /** Whether the notice is also the notice of a private meeting (reg 5). */
  public boolean privateMeeting() {
    return privateReason != null;
  }
}
