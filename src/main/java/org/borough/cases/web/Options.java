// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Value-to-label maps for selects, radios and checkboxes, in the order given. */
final class Options {

  private Options() {}

  static <T> Map<String, String> of(
      Collection<T> items, Function<T, String> value, Function<T, String> label) {
    Map<String, String> options = new LinkedHashMap<>();
    for (T item : items) {
      options.put(value.apply(item), label.apply(item));
    }
    return options;
  }
}
