// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/**
 * Where a forward-plan notice is: the decision is still to come; it was taken (the published
 * decision it led to is linked); or the notice was withdrawn. Worked out when the notice is read.
 */
public enum ForwardPlanStatus {
  FORTHCOMING("Forthcoming"),
  DECIDED("Decision taken"),
  WITHDRAWN("Withdrawn");

  private final String label;

  ForwardPlanStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
