// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

/**
 * What kind of case a service's cases are. A request is worked to the service's SLA; a complaint
 * also follows the Ombudsman complaint handling codes' stages and clocks (the complaints module); a
 * request for information follows the Freedom of Information Act 2000 or the Environmental
 * Information Regulations 2004 (the information module); a councillor enquiry is raised by a
 * councillor for a resident of their ward and answered by the service's deadline (the enquiries
 * module).
 */
public enum CaseType {
  REQUEST("Service request"),
  COMPLAINT("Complaint"),
  FOI("Freedom of Information request"),
  EIR("Environmental Information request"),
  MEMBER_ENQUIRY("Councillor enquiry");

  private final String label;

  CaseType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
