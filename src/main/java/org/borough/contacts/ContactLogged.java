// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A contact was logged (or linked to a case). No summary text: it may be personal. */
@EventType("contact.logged")
public record ContactLogged(
    ContactId contactId,
    UUID residentId,
    UUID caseId,
    String channel,
    String direction,
    String outcome,
    boolean resolvedAtFirstContact,
    Integer durationSeconds,
    Instant occurredAt)
    implements DomainEvent {
  @Override
  public String aggregateType() {
    return "contact";
  }

  @Override
  public String aggregateId() {
    return contactId.toString();
  }
}
