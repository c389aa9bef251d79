// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import java.util.UUID;
import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A contact logged before its case existed now points at the case it raised. */
@EventType("contact.linked-to-case")
public record ContactLinkedToCase(ContactId contactId, UUID caseId) implements DomainEvent {
  @Override
  public String aggregateType() {
    return "contact";
  }

  @Override
  public String aggregateId() {
    return contactId.toString();
  }
}
