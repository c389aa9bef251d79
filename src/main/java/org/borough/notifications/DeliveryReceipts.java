// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * GOV.UK Notify's delivery receipts: what became of each message after Notify took it. A message
 * that did not arrive is marked so and a line on its case tells staff; the same receipt sent twice
 * changes nothing the second time.
 */
@Service
public class DeliveryReceipts {

  /** Notify's words for a message that will not arrive (emails, texts and letters). */
  static final Set<String> FAILED =
      Set.of(
          "permanent-failure",
          "temporary-failure",
          "technical-failure",
          "validation-failed",
          "virus-scan-failed",
          "cancelled");

  private final NotificationRepository notifications;
  private final CaseLines caseLines;

  DeliveryReceipts(NotificationRepository notifications, CaseLines caseLines) {
    this.notifications = notifications;
    this.caseLines = caseLines;
  }

  /**
   * Records a receipt; false when Borough sent no such message (or has since forgotten it, for an
   * erased resident), which the caller answers like any other so that Notify stops sending it.
   *
   * @param reference Borough's id for the message, as it was given to Notify
   * @param notifyId Notify's id for it
   * @param status Notify's status, e.g. {@code delivered} or {@code permanent-failure}
   */
  public boolean receive(UUID reference, String notifyId, String status, Instant at) {
    var message = notifications.receive(reference, notifyId, status, at);
    message
        .filter(m -> FAILED.contains(status))
        .ifPresent(m -> caseLines.notDelivered(m.caseId(), m.template(), m.channel(), status));
    return message.isPresent();
  }
}
