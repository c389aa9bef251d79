// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Instant;
import java.util.UUID;
import org.borough.cases.CaseId;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * A notification went to a resident: which case, which template, which channel. No address and no
 * text, so the outbox and the warehouse stay free of personal data.
 */
@EventType("case.notification-sent")
public record NotificationSent(
    UUID notificationId,
    CaseId caseId,
    UUID residentId,
    String template,
    String channel,
    Instant at)
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
