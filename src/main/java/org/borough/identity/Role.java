// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

/** What a member of staff does; a user may hold several. */
public enum Role {
  AGENT("Contact-centre agent"),
  CASEWORKER("Caseworker"),
  SUPERVISOR("Supervisor"),
  ANALYST("Analyst"),
  ADMIN("Administrator"),
  DEMOCRATIC_SERVICES("Democratic services officer"),
  FINANCE("Finance officer"),
  DATA_PROTECTION_OFFICER("Data protection officer"),
  COMPLAINTS_OFFICER("Complaints and information officer"),
  COUNCILLOR("Councillor");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
