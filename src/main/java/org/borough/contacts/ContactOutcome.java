// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

/**
 * How a contact ended. The first two count as resolved at first contact: the resident's need was
 * met without a case or a further contact.
 */
public enum ContactOutcome {
  RESOLVED_AT_FIRST_CONTACT("Resolved at first contact", true),
  INFORMATION_GIVEN("Information or advice given", true),
  CASE_RAISED("Case raised", false),
  CASE_UPDATED("Existing case updated", false),
  REFERRED("Referred to another organisation", false),
  NO_ACTION("No action needed", false);

  private final String label;
  private final boolean resolvedAtFirstContact;

  ContactOutcome(String label, boolean resolvedAtFirstContact) {
    this.label = label;
    this.resolvedAtFirstContact = resolvedAtFirstContact;
  }

  public String label() {
    return label;
  }

  public boolean resolvedAtFirstContact() {
    return resolvedAtFirstContact;
  }
}
