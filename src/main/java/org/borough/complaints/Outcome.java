// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

/** What a stage's response found, as the annual report counts it. */
public enum Outcome {
  UPHELD("Upheld"),
  PARTLY_UPHELD("Partly upheld"),
  NOT_UPHELD("Not upheld");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
