// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

/** What an internal review decided about the response. */
public enum ReviewOutcome {
  UPHELD("Response upheld"),
  PARTLY_OVERTURNED("Response partly overturned"),
  OVERTURNED("Response overturned");

  private final String label;

  ReviewOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
