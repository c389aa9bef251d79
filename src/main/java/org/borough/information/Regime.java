// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

/** The law a request for information is answered under. */
public enum Regime {
  FOI("Freedom of Information Act 2000"),
  EIR("Environmental Information Regulations 2004");

  private final String label;

  Regime(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
