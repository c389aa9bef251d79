// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

/** Where a case stands against its SLA target. */
public enum SlaState {
  ON_TRACK("On track", "govuk-tag--green"),
  AT_RISK("At risk", "govuk-tag--yellow"),
  BREACHED("Breached", "govuk-tag--red"),
  MET("SLA met", "govuk-tag--green"),
  MISSED("SLA missed", "govuk-tag--red"),
  NOT_APPLICABLE("No SLA", "govuk-tag--grey");

  private final String label;
  private final String tagClass;

  SlaState(String label, String tagClass) {
    this.label = label;
    this.tagClass = tagClass;
  }

  public String label() {
    return label;
  }

  /** The GOV.UK tag colour for this state. */
  public String tagClass() {
    return tagClass;
  }
}
