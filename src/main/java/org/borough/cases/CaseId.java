// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.Objects;
import java.util.UUID;

public record CaseId(UUID value) {
  public CaseId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
