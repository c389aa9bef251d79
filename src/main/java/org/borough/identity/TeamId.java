// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Written as a plain UUID string in JSON. */
public record TeamId(@JsonValue UUID value) {
  public TeamId {
    java.util.Objects.requireNonNull(value, "value");
  }
}
