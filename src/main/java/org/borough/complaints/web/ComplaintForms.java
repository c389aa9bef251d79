// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.borough.system.InvalidInputException;

/** Small helpers the complaint page's forms share. */
final class ComplaintForms {

  private ComplaintForms() {}

  /** Radio options: the constant's name to its label, in declared order. */
  static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> label) {
    Map<String, String> options = new LinkedHashMap<>();
    for (E v : values) {
      options.put(v.name(), label.apply(v));
    }
    return options;
  }

  /**
   * Runs {@code action}, reporting an error on the service's field {@code from} under the page's
   * {@code to}: two forms on one page cannot both have a field called 'reason'.
   */
  static void renamed(String from, String to, Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.errors().forEach((k, v) -> errors.put(from.equals(k) ? to : k, v));
      throw new InvalidInputException(errors);
    }
  }
}
