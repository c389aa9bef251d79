// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings, bound from {@code borough.notifications.*}.
 *
 * @param from the sender of emails ({@code BOROUGH_NOTIFICATIONS_FROM})
 * @param pollInterval how often the outbox is read and due messages sent
 * @param batchSize outbox entries read, and messages sent, per poll
 * @param firstRetry the wait after a first failure; it doubles with each further one
 * @param maxAttempts attempts before a message is given up as failed
 * @param gapTimeout how long a missing outbox position is waited for (a transaction still
 *     committing) before it is taken as rolled back (ADR 0002)
 * @param claim how long a message being sent is kept from other nodes; when its node dies mid-send
 *     the message goes again after this. It must outlast one send: the SMTP timeouts (5 s to
 *     connect, 10 s per read or write) end a stuck one well within the default.
 */
@ConfigurationProperties("borough.notifications")
record NotificationsProperties(
    @DefaultValue("no-reply@example.gov.uk") String from,
    @DefaultValue("5s") Duration pollInterval,
    @DefaultValue("200") int batchSize,
    @DefaultValue("1m") Duration firstRetry,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("1m") Duration gapTimeout,
    @DefaultValue("1m") Duration claim) {}
