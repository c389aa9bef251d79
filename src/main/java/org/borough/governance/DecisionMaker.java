// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.util.List;

/**
 * Who took the decision: a body such as Cabinet (with the members present), or an individual member
 * or officer.
 */
public record DecisionMaker(Kind kind, String name, List<String> members) {

  public enum Kind {
    BODY,
    INDIVIDUAL
  }

  public DecisionMaker {
    members = members == null ? List.of() : List.copyOf(members);
  }
}
