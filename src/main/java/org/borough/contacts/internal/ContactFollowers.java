// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts.internal;

import org.borough.cases.CaseOpened;
import org.borough.contacts.ContactOutcome;
import org.borough.residents.ResidentsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps contacts in step with the modules they point at, inside the same transaction: a case raised
 * from a contact links back to it, and a merge moves a resident's contacts.
 */
@Component
class ContactFollowers {

  private final ContactRepository contacts;

  ContactFollowers(ContactRepository contacts) {
    this.contacts = contacts;
  }

  @EventListener
  void on(CaseOpened opened) {
    if (opened.contactId() != null) {
      contacts.linkToCase(opened.contactId(), opened.caseId().value(), ContactOutcome.CASE_RAISED);
    }
  }

  @EventListener
  void on(ResidentsMerged merged) {
    contacts.moveResident(merged.merged().value(), merged.kept().value());
  }
}
