// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

public enum Priority {
  LOW("Low"),
  NORMAL("Normal"),
  HIGH("High"),
  URGENT("Urgent");

  private final String label;

  Priority(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
