// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key-decision rules of SI 2012/2089. A key decision may be taken only when the public had
 * notice: a forward-plan notice at least 28 clear days before (reg 9); failing that a general
 * exception — a notice, and the scrutiny chair informed, at least 5 clear days before (reg 10); or
 * failing that special urgency, the scrutiny chair's agreement that it cannot wait (reg 11).
 */
final class KeyDecisionRules {

  private final GovernanceProperties properties;

  KeyDecisionRules(GovernanceProperties properties) {
    this.properties = properties;
  }

  /**
   * Clear days between two dates: whole days strictly between them, so neither the day of the
   * notice nor the day of the decision counts. 0 when {@code notice} is not before {@code day}.
   */
  static long clearDays(LocalDate notice, LocalDate day) {
    return Math.max(0, ChronoUnit.DAYS.between(notice, day) - 1);
  }

  /** Why a decision looks like a key decision (amount at or over the threshold, ≥ 2 wards). */
  List<String> suggestions(DecisionDetails d) {
    List<String> why = new ArrayList<>();
    long threshold = properties.keyDecisionThresholdPence();
    if (d.totalPence() >= threshold) {
      why.add(
          "its items add up to "
              + Money.format(d.totalPence())
              + ", at or over the key-decision threshold of "
              + Money.format(threshold));
    }
    if (d.issue() != null && d.issue().wards().size() >= 2) {
      why.add("it affects " + d.issue().wards().size() + " wards");
    }
    return why;
  }

  /**
   * What stops a key decision being published, by field; empty when it may be. When nothing
   * satisfies the rules, all three routes are named with what each lacks.
   */
  Map<String, String> missingNotice(DecisionDetails d) {
    Map<String, String> missing = new LinkedHashMap<>();
    if (!d.keyDecision() || d.decisionDate() == null) {
      return missing;
    }
    LocalDate day = d.decisionDate();
    KeyDecisionNotice n = d.keyDecisionNotice();
    int forward = properties.forwardPlanClearDays();
    int general = properties.generalExceptionClearDays();

    if (n.forwardPlanPublished() != null && clearDays(n.forwardPlanPublished(), day) >= forward) {
      return missing;
    }
    String generalMissing = null;
    if (n.generalExceptionNotice() == null) {
      generalMissing = "no general-exception notice is recorded";
    } else if (n.scrutinyChairInformed() == null) {
      generalMissing = "the scrutiny chair is not recorded as informed";
    } else {
      LocalDate later =
          n.generalExceptionNotice().isAfter(n.scrutinyChairInformed())
              ? n.generalExceptionNotice()
              : n.scrutinyChairInformed();
      long clear = clearDays(later, day);
      if (clear >= general) {
        return missing;
      }
      generalMissing =
          "the notice and informing the scrutiny chair were only "
              + clear
              + " clear days before the decision";
    }
    boolean urgency =
        n.specialUrgencyAgreedBy() != null
            && !n.specialUrgencyAgreedBy().isBlank()
            && n.specialUrgencyAgreedOn() != null
            && !n.specialUrgencyAgreedOn().isAfter(day);
    if (urgency) {
      return missing;
    }
    missing.put(
        "forwardPlanPublished",
        "A key decision needs a forward-plan notice published at least "
            + forward
            + " clear days before the decision (reg 9): "
            + (n.forwardPlanPublished() == null
                ? "none is recorded"
                : "it was published "
                    + clearDays(n.forwardPlanPublished(), day)
                    + " clear days before"));
    missing.put(
        "generalExceptionNotice",
        "Without it, a general exception needs a notice and the scrutiny chair informed at least "
            + general
            + " clear days before the decision (reg 10): "
            + generalMissing);
    missing.put(
        "specialUrgencyAgreedBy",
        "Otherwise special urgency needs the scrutiny chair's agreement, on or before the day of"
            + " the decision (reg 11): none is recorded");
    return missing;
  }
}
