// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

/** What a response to a request for information gave. */
public enum Disclosure {
  RELEASED("Information released in full"),
  PART_RELEASED("Information released in part"),
  REFUSED("Information withheld"),
  NOT_HELD("Information not held");

  private final String label;

  Disclosure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether something was withheld, so the response must name why. */
  public boolean withholds() {
    return this == PART_RELEASED || this == REFUSED;
  }
}
