// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

/**
 * Where a resident takes a complaint the council's stage 2 answer did not settle: the Housing
 * Ombudsman for the council as landlord, the Local Government and Social Care Ombudsman otherwise.
 */
public enum Ombudsman {
  LGSCO("Local Government and Social Care Ombudsman", "www.lgo.org.uk", "0300 061 0614"),
  HOUSING("Housing Ombudsman Service", "www.housing-ombudsman.org.uk", "0300 111 3000");

  private final String label;
  private final String website;
  private final String phone;

  Ombudsman(String label, String website, String phone) {
    this.label = label;
    this.website = website;
    this.phone = phone;
  }

  public String label() {
    return label;
  }

  public String website() {
    return website;
  }

  public String phone() {
    return phone;
  }
}
