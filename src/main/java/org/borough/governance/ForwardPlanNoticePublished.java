// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A notice of a forthcoming decision was published in the forward plan. */
@EventType("forward-plan-notice.published")
public record ForwardPlanNoticePublished(
    ForwardPlanNoticeId noticeId,
    String title,
    LocalDate publishedOn,
    LocalDate expectedDecisionDate,
    boolean keyDecision)
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
