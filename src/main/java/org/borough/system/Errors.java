// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects field errors while validating, then throws them all at once. */
public final class Errors {

  private final Map<String, String> errors = new LinkedHashMap<>();

  public Errors reject(String field, String message) {
    errors.putIfAbsent(field, message);
    return this;
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public Map<String, String> asMap() {
    return errors;
  }

  /** Throws when anything was rejected, so nothing is saved from bad input. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
