// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.DomainEvent;

/**
 * A resident started following a case: they reported the same problem, or their own report was
 * marked as a duplicate of it. Ids only.
 */
public record CaseFollowed(CaseId caseId, UUID residentId, Instant at) implements DomainEvent {
  @Override
  public String aggregateType() {
    return "case";
  }

  @Override
  public String aggregateId() {
    return caseId.toString();
  }
}
