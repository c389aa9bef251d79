// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one decision in the register. */
public record DecisionId(@JsonValue UUID value) {

  public static DecisionId of(String value) {
    return new DecisionId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
