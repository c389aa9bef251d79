// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import java.time.Instant;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;

/**
 * A contact to log. {@code resident} may be null (an anonymous caller); {@code caseReference} links
 * it to an existing case; {@code occurredAt} defaults to now.
 */
public record NewContact(
    ResidentId resident,
    String caseReference,
    Channel channel,
    Direction direction,
    Instant occurredAt,
    Integer durationSeconds,
    ContactOutcome outcome,
    String summary) {}
