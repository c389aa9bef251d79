// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import java.util.Objects;
import java.util.UUID;

public record ContactId(UUID value) {
  public ContactId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
