// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import org.borough.residents.ResidentErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An erased resident's messages go: what was sent, when, and any delivery error (which can quote
 * their address). Borough keeps no message bodies; they are rendered when sent. Runs in the
 * erasure's transaction, so a message still pending is never sent after it.
 */
@Component
class ErasedRecipients {

  private final NotificationRepository notifications;

  ErasedRecipients(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  @EventListener
  void on(ResidentErased erased) {
    notifications.deleteOfResident(erased.residentId().value());
  }
}
