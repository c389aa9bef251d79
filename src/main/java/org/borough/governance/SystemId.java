// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one system in the ICT portfolio. */
public record SystemId(@JsonValue UUID value) {

  public static SystemId of(String value) {
    return new SystemId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
