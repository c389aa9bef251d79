// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/** Revenue spending keeps services running year by year; capital spending buys or builds assets. */
public enum SpendKind implements Labelled {
  REVENUE("Revenue"),
  CAPITAL("Capital");

  private final String label;

  SpendKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
