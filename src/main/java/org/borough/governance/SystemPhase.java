// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

/**
 * Where a system is in its life: still a project, or in business as usual (BAU), when its running
 * and support are revenue costs and capital funding is no longer appropriate.
 */
public enum SystemPhase implements Labelled {
  PROJECT("Project"),
  BUSINESS_AS_USUAL("Business as usual");

  private final String label;

  SystemPhase(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
