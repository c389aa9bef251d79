// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import org.borough.system.Errors;

/** What a decision's exempt information must say; errors under {@code exemption.…}. */
final class ExemptInformation {

  private ExemptInformation() {}

  static void check(DecisionDetails d, String p, Errors errors) {
    Exemption e = d.exemption();
    if (e == null) {
      return;
    }
    String f = p + "exemption.";
    if (e.extent() == null && !errors.has(f + "extent")) {
      errors.reject(f + "extent", "Choose whether part or all of the decision is exempt");
    }
    if (e.paragraph() == null && !errors.has(f + "paragraph")) {
      errors.reject(
          f + "paragraph", "Choose the paragraph of Schedule 12A the exemption relies on");
    }
    if (e.extent() == Exemption.Extent.PART && e.exemptPart() == null) {
      errors.reject(f + "exemptPart", "Enter the exempt part, which will not be published");
    }
    if (e.exemptPart() != null && e.exemptPart().length() > 20000) {
      errors.reject(f + "exemptPart", "The exempt part must be 20000 characters or fewer");
    }
  }
}
