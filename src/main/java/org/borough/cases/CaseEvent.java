// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import org.borough.system.DomainEvent;

/** An event about one case: stored in the outbox under the aggregate {@code case} and its id. */
public interface CaseEvent extends DomainEvent {

  CaseId caseId();

  @Override
  default String aggregateType() {
    return "case";
  }

  @Override
  default String aggregateId() {
    return caseId().toString();
  }
}
