// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

public enum Direction {
  INBOUND("Inbound (resident to council)"),
  OUTBOUND("Outbound (council to resident)");

  private final String label;

  Direction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
