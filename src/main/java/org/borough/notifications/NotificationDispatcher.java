// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every poll: plan messages for new outbox entries, then send those due. Runs on the scheduler's
 * thread, never on the thread of the change, so a change never waits for, or fails with, a mail
 * server.
 */
@Component
class NotificationDispatcher {

  /** The name notifications act under in the audit log. */
  static final String PRINCIPAL = "notifications";

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final NotificationPlanner planner;
  private final NotificationSender sender;
  private final NotificationsProperties properties;

  NotificationDispatcher(
      NotificationPlanner planner, NotificationSender sender, NotificationsProperties properties) {
    this.planner = planner;
    this.sender = sender;
    this.properties = properties;
  }

  // One node at a time, to spare the database two nodes reading the same outbox; each message is
  // also claimed on its own row, so that even two at once never email a resident twice. The lock
  // is kept alive while a poll runs, and a node that dies holding it frees it within 30 s.
  @Scheduled(
      fixedDelayString = "${borough.notifications.poll-interval:5s}",
      initialDelayString = "${borough.notifications.poll-interval:5s}")
  @SchedulerLock(name = "notifications-dispatch")
  void poll() {
    try {
      int read;
      do {
        read = planner.plan();
      } while (read == properties.batchSize());
      int sent;
      do {
        sent = sender.sendDue();
      } while (sent == properties.batchSize());
    } catch (RuntimeException e) {
      // The next poll tries again; nothing is lost, the cursor only moves on commit.
      log.warn("Notification poll failed: {}", e.toString());
    }
  }
}
