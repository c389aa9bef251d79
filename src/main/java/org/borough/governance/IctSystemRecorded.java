// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A system was added to the ICT portfolio (version 1) or changed. */
@EventType("ict-system.recorded")
public record IctSystemRecorded(
    SystemId systemId,
    String code,
    SystemPhase phase,
    SupportStatus supportStatus,
    LocalDate endOfSupport,
    int version)
    implements DomainEvent {
  @Override
  public String aggregateType() {
    return "ict-system";
  }

  @Override
  public String aggregateId() {
    return systemId.toString();
  }
}
