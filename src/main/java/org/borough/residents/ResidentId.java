// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Written as a plain UUID string in JSON. */
public record ResidentId(@JsonValue UUID value) {
  public ResidentId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
