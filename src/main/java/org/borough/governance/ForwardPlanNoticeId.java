// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one notice in the forward plan. */
public record ForwardPlanNoticeId(@JsonValue UUID value) {

  public static ForwardPlanNoticeId of(String value) {
    return new ForwardPlanNoticeId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
