// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.time.LocalDate;
import java.util.List;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionIssue;
import org.borough.governance.DecisionItem;
import org.borough.governance.DecisionMaker;

/** A Cabinet decision of 15/12/2017 (the seed's date) to import, for tests that need one. */
public final class CabinetDecisions {

  private CabinetDecisions() {}

  public static DecisionDetails of(String title, DecisionItem... items) {
    return new DecisionDetails(
        new DecisionIssue(title, null, null),
        new DecisionMaker(DecisionMaker.Kind.BODY, "Cabinet", List.of()),
        null,
        null,
        LocalDate.of(2017, 12, 15),
        LocalDate.of(2017, 12, 15),
        false,
        true,
        null,
        null,
        List.of(items),
        "Reasons.",
        List.of(),
        null,
        List.of(),
        List.of());
  }
}
