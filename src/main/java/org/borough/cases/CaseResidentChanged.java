// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.UUID;
import org.borough.system.DomainEvent;

/** A case now belongs to another resident record (after a merge). */
public record CaseResidentChanged(CaseId caseId, UUID fromResident, UUID toResident)
    implements DomainEvent {
  @Override
  public String aggregateType() {
    return "case";
  }

  @Override
  public String aggregateId() {
    return caseId.toString();
  }
}
