// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Notifications: residents (and followers) hear by email, or by text when they gave no email, when
 * their report is received, changes status and is resolved, each message with the case reference
 * and a link to track it. A dispatcher reads the outbox after the fact — sending never blocks or
 * fails the change that triggered it — keeps its own position and a sent-log, so each notification
 * goes once, and retries failures with backoff. Mail goes through SMTP ({@code SPRING_MAIL_*});
 * texts through an {@link org.borough.notifications.SmsSender} (a logging one by default). See
 * {@code docs/portal.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.borough.notifications;
