// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.util.UUID;

public record StaffId(UUID value) {
  public StaffId {
    java.util.Objects.requireNonNull(value, "value");
  }
}
