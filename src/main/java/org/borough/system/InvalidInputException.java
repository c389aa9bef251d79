// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that a domain service refused, with a message per field in the order the form shows them.
 * Pages turn it into a GOV.UK error summary, the API into a problem with the same fields.
 */
public class InvalidInputException extends RuntimeException {

  private final Map<String, String> errors;

  public InvalidInputException(Map<String, String> errors) {
    super("Invalid input: " + errors.keySet());
    this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(Map.of(field, message));
  }

  /** Field name to message, in form order. */
  public Map<String, String> errors() {
    return errors;
  }
}
