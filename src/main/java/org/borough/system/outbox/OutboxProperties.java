// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the outbox keeps what its readers have passed, bound from {@code borough.outbox.*}.
 *
 * @param retention rows younger than this are kept even when every reader has passed them, to look
 *     into a problem after the event
 * @param readerExpiry a reader that has not reported for this long (a node taken away) no longer
 *     holds rows back; if it comes back its warehouse rebuilds from the CRM
 * @param pruneInterval how often pruning runs (on one node at a time)
 * @param pruneBatch rows deleted per statement, so no delete holds locks for long
 */
@ConfigurationProperties("borough.outbox")
public record OutboxProperties(
    @DefaultValue("7d") Duration retention,
    @DefaultValue("7d") Duration readerExpiry,
    @DefaultValue("1h") Duration pruneInterval,
    @DefaultValue("10000") int pruneBatch) {}
