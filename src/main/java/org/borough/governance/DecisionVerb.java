// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/** How a decision item opens: "1. Agreed to increase the 2017/18 ICT budget…". */
public enum DecisionVerb {
  AGREED("Agreed"),
  NOTED("Noted"),
  APPROVED("Approved"),
  RECOMMENDED_TO_COUNCIL("Recommended to Council");

  private final String label;

  DecisionVerb(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
