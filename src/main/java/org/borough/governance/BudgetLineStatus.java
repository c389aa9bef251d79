// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/**
 * Approved by a decision; a budget pressure noted by one and waiting for budget setting; a pressure
 * dropped; or an approved line reversed by a recorded correction.
 */
public enum BudgetLineStatus implements Labelled {
  APPROVED("Approved"),
  PRESSURE("Budget pressure"),
  DROPPED("Dropped"),
  REVERSED("Reversed");

  private final String label;

  BudgetLineStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
