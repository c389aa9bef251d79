// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

/**
 * What kind of case a service's cases are. A request is worked to the service's SLA; a complaint
 * also follows the Ombudsman complaint handling codes' stages and clocks (the complaints module).
 */
public enum CaseType {
  REQUEST("Service request"),
  COMPLAINT("Complaint");

  private final String label;

  CaseType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
