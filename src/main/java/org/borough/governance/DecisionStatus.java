// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/**
 * Where a decision is in its life. Only drafts are unpublished. A published decision subject to
 * call-in becomes implementable when the call-in deadline has passed without a call-in; that is
 * worked out when it is read, so no job has to run at midnight. A called-in decision follows its
 * call-in's outcomes ({@link CallInOutcome}).
 */
public enum DecisionStatus {
  DRAFT("Draft"),
  PUBLISHED("Published"),
  CALLED_IN("Called in"),
  REFERRED_BACK("Referred back to the decision maker"),
  REFERRED_TO_COUNCIL("Referred to full Council"),
  IMPLEMENTABLE("Implementable"),
  SUPERSEDED("Superseded");

  private final String label;

  DecisionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
