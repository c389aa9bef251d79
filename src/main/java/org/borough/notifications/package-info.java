// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Notifications: residents (and followers) hear by email, or by text when they gave no email, when
 * their report is received, changes status and is resolved, each message with the case reference
 * and a link to track it. A dispatcher reads the outbox after the fact — sending never blocks or
 * fails the change that triggered it — keeps its own position and a sent-log, so each notification
 * goes once, and retries failures with backoff. Email goes through SMTP ({@code SPRING_MAIL_*}) or
 * GOV.UK Notify; texts and letters through Notify only ({@code BOROUGH_NOTIFY_*}), whose delivery
 * receipts say what became of each. See {@code docs/portal.md}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {
      "system",
      "audit",
      "identity",
      "residents",
      "cases",
      "satisfaction",
      "mailboxes",
      "portal"
    })
package org.borough.notifications;
