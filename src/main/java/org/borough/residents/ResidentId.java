// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.util.Objects;
import java.util.UUID;

public record ResidentId(UUID value) {
  public ResidentId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
