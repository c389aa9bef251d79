// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/**
 * That a decision holds exempt information (Schedule 12A), how much of it, and the paragraph relied
 * on. The public see that something is withheld and why, never what.
 *
 * @param exemptPart the withheld words when only part is exempt, kept for staff; on the public
 *     record always null
 */
public record Exemption(Extent extent, ExemptParagraph paragraph, String exemptPart) {

  /** How much of the decision is withheld. */
  public enum Extent implements Labelled {
    /** One passage, kept apart from the published text. */
    PART("Part of the decision"),
    /**
     * Everything but the title and summary, the decision maker, the dates and the declarations of
     * interest: the background, items, reasons, options and documents.
     */
    WHOLE("The whole decision");

    private final String label;

    Extent(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public boolean whole() {
    return extent == Extent.WHOLE;
  }

  /** What the public may know of it: that it exists, how much and why, without the words. */
  public Exemption published() {
    return new Exemption(extent, paragraph, null);
  }
}
