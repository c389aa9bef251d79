// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import java.time.Instant;
import java.util.UUID;
import org.borough.residents.Channel;

/** One interaction with a resident on one channel. */
public record Contact(
    ContactId id,
    UUID residentId,
    UUID caseId,
    Channel channel,
    Direction direction,
    String agent,
    Instant occurredAt,
    Integer durationSeconds,
    ContactOutcome outcome,
    boolean resolvedAtFirstContact,
    String summary) {}
