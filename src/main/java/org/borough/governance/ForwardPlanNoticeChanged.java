// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * A forward-plan notice was withdrawn ({@code decisionId} null), or linked to the decision it led
 * to.
 */
@EventType("forward-plan-notice.changed")
public record ForwardPlanNoticeChanged(
    ForwardPlanNoticeId noticeId, ForwardPlanStatus status, DecisionId decisionId)
    implements DomainEvent {
  @Override
  public String aggregateType() {
    return "forward-plan-notice";
  }

  @Override
  public String aggregateId() {
    return noticeId.toString();
  }
}
