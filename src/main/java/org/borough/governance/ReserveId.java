// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one of the council's earmarked reserves. */
public record ReserveId(@JsonValue UUID value) {

  public static ReserveId of(String value) {
    return new ReserveId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
