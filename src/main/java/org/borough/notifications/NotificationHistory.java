// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borough.residents.ResidentId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Borough has sent, or tried to send, to a resident: for their subject access request. The
 * messages' words are not kept (they are rendered from the templates when sent), so each entry
 * names its template and the case status it told of.
 */
@Service
public class NotificationHistory {

  /** One message to a resident about a case. {@code sentAt} is null until it went. */
  public record SentNotification(
      UUID caseId,
      String template,
      String caseStatus,
      String channel,
      String status,
      Instant createdAt,
      Instant sentAt) {}

  private final NotificationRepository notifications;

  NotificationHistory(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  /** Every message planned for the resident, oldest first. */
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  @Transactional(readOnly = true)
  public List<SentNotification> ofResident(ResidentId resident) {
    return notifications.ofResident(resident.value());
  }
}
