// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** A system in the ICT portfolio; {@code version} guards against saving over another's change. */
public record IctSystem(
    SystemId id,
    @JsonUnwrapped IctSystemDetails details,
    int version,
    Instant recordedAt,
    Instant updatedAt) {

  public boolean businessAsUsual() {
    return details.phase() == SystemPhase.BUSINESS_AS_USUAL;
  }
}
