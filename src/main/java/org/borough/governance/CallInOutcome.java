// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import java.util.Set;

/**
 * What was decided about a called-in decision, and by whom: the scrutiny committee, full Council or
 * the decision maker reconsidering (Local Government Act 2000 s.9F and the council's call-in
 * procedure rules). A decision's outcomes follow one another: scrutiny refers it to Council, which
 * refers it back, and the decision maker confirms it. A decision the decision maker changes is
 * superseded by the new one instead.
 *
 * @param decidedBy the committee, Council or the decision maker, as the minutes name them
 * @param notes what the minutes add, such as the committee's recommendations
 */
public record CallInOutcome(Outcome outcome, LocalDate decidedOn, String decidedBy, String notes) {

  /** Each outcome, the status the decision takes, and the statuses it can follow. */
  public enum Outcome {
    NO_FURTHER_ACTION(
        "No further action: the decision can be implemented",
        DecisionStatus.IMPLEMENTABLE,
        DecisionStatus.CALLED_IN),
    REFERRED_BACK(
        "Referred back to the decision maker to reconsider",
        DecisionStatus.REFERRED_BACK,
        DecisionStatus.CALLED_IN,
        DecisionStatus.REFERRED_TO_COUNCIL),
    REFERRED_TO_COUNCIL(
        "Referred to full Council", DecisionStatus.REFERRED_TO_COUNCIL, DecisionStatus.CALLED_IN),
    COUNCIL_DID_NOT_OBJECT(
        "Council did not object: the decision can be implemented",
        DecisionStatus.IMPLEMENTABLE,
        DecisionStatus.REFERRED_TO_COUNCIL),
    CONFIRMED(
        "The decision maker reconsidered it and confirmed it: the decision can be implemented",
        DecisionStatus.IMPLEMENTABLE,
        DecisionStatus.REFERRED_BACK);

    private final String label;
    private final DecisionStatus result;
    private final Set<DecisionStatus> after;

    Outcome(String label, DecisionStatus result, DecisionStatus... after) {
      this.label = label;
      this.result = result;
      this.after = Set.of(after);
    }

    public String label() {
      return label;
    }

    /** The decision's status once this is recorded. */
    public DecisionStatus result() {
      return result;
    }

    /** Whether this can be recorded for a decision with the status. */
    public boolean follows(DecisionStatus status) {
      return after.contains(status);
    }
  }
}
