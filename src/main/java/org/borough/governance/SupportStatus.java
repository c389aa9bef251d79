// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/**
 * Whether a system's supplier (or the council) still supports it: security fixes, help, upgrades.
 */
public enum SupportStatus implements Labelled {
  SUPPORTED("Supported"),
  EXTENDED_SUPPORT("Extended support"),
  UNSUPPORTED("Unsupported");

  private final String label;

  SupportStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
