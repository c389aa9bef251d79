// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import org.borough.system.Errors;

/** What each declared interest of a decision must say; errors under {@code interests[i].…}. */
final class DeclaredInterests {

  private DeclaredInterests() {}

  static void check(DecisionDetails d, String p, Errors errors) {
    for (int i = 0; i < d.interests().size(); i++) {
      DeclaredInterest x = d.interests().get(i);
      String f = p + "interests[" + i + "].";
      int n = i + 1;
      if (x.member() == null) {
        errors.reject(f + "member", "Enter who declared interest " + n);
      } else if (x.member().length() > 200) {
        errors.reject(
            f + "member", "The member of interest " + n + " must be 200 characters or fewer");
      }
      if (x.kind() == null && !errors.has(f + "kind")) {
        errors.reject(f + "kind", "Choose the kind of interest " + n);
      }
      if (x.interest() == null) {
        errors.reject(f + "interest", "Say what interest " + n + " is");
      } else if (x.interest().length() > 2000) {
        errors.reject(f + "interest", "Interest " + n + " must be 2000 characters or fewer");
      }
      if (x.dispensationBy() != null && x.dispensationBy().length() > 200) {
        errors.reject(
            f + "dispensationBy",
            "Who granted dispensation " + n + " must be 200 characters or fewer");
      }
      if ((x.dispensationBy() == null) != (x.dispensationOn() == null)
          && !errors.has(f + "dispensationOn")) {
        errors.reject(
            f + (x.dispensationBy() == null ? "dispensationBy" : "dispensationOn"),
            "A dispensation needs both who granted it and the date it was granted");
      }
      if (x.dispensationOn() != null
          && d.decisionDate() != null
          && x.dispensationOn().isAfter(d.decisionDate())) {
        errors.reject(
            f + "dispensationOn",
            "Dispensation " + n + " must be granted by the date of the decision");
      }
    }
  }
}
