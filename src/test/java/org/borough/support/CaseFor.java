// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.util.List;
import java.util.Map;
import org.borough.cases.NewCase;
import org.borough.residents.ResidentId;

/** Cases as the tests raise them. */
public final class CaseFor {

  private CaseFor() {}

  /** A missed general-waste bin in the fixture ward, reported by {@code resident}. */
  public static NewCase missedBin(ResidentId resident, String description) {
    return new NewCase(
        Fixtures.MISSED_BIN,
        resident,
        description,
        null,
        null,
        null,
        null,
        Fixtures.WARD,
        Map.of("bin_type", List.of("general")),
        null,
        null,
        null,
        null);
  }
}
