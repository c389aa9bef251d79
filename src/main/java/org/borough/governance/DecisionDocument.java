// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/**
 * A report or attachment published with a decision.
 *
 * @param exemptParagraph when the report is exempt (Schedule 12A), the paragraph relied on: the
 *     public see its title and why it is withheld, not its link; null for a public report
 */
public record DecisionDocument(String title, String url, ExemptParagraph exemptParagraph) {

  /** A public report. */
  public DecisionDocument(String title, String url) {
    this(title, url, null);
  }

  public boolean exempt() {
    return exemptParagraph != null;
  }

  /**
   * The report withheld with a wholly exempt decision, under its own paragraph or the decision's.
   */
  DecisionDocument withheldUnder(ExemptParagraph decisions) {
    return new DecisionDocument(title, null, exempt() ? exemptParagraph : decisions);
  }

  /** The report as the public see it. */
  public DecisionDocument published() {
    return exempt() ? new DecisionDocument(title, null, exemptParagraph) : this;
  }
}
