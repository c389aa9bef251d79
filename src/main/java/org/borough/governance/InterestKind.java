// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/**
 * The kinds of interest a member declares, as councils' codes of conduct name them: disclosable
 * pecuniary interests are defined by the Relevant Authorities (Disclosable Pecuniary Interests)
 * Regulations 2012 under s.30 of the Localism Act 2011; the other two are the model code's.
 */
public enum InterestKind implements Labelled {
  DISCLOSABLE_PECUNIARY("Disclosable pecuniary interest"),
  OTHER_REGISTRABLE("Other registrable interest"),
  NON_REGISTRABLE("Non-registrable interest");

  private final String label;

  InterestKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
