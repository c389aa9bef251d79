// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/** Where the money for a budget line comes from. */
public enum FundingKind implements Labelled {
  BASE_BUDGET("Base budget"),
  RESERVE("Reserve"),
  CAPITAL_PROGRAMME("Capital programme"),
  GRANT("Grant");

  private final String label;

  FundingKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
