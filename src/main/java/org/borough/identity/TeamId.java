// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.util.UUID;

public record TeamId(UUID value) {
  public TeamId {
    java.util.Objects.requireNonNull(value, "value");
  }
}
