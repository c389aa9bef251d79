// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.util.List;

/**
 * The matter a decision is about, and the wards it affects (GSS codes; none means borough-wide).
 */
public record DecisionIssue(String title, String summary, List<String> wards) {

  public DecisionIssue {
    wards = wards == null ? List.of() : List.copyOf(wards);
  }
}
