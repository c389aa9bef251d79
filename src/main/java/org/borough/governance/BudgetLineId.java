// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one budget line. */
public record BudgetLineId(@JsonValue UUID value) {

  public static BudgetLineId of(String value) {
    return new BudgetLineId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
