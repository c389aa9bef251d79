// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borough.system.Inputs;

/**
 * The days a satisfaction report covers, read from {@code from} and {@code to} (2026-04-01): the
 * last 90 days to today unless given, with an error for each that is not a date.
 */
record ReportPeriod(LocalDate from, LocalDate to, Map<String, String> errors) {

  static final int DEFAULT_DAYS = 90;

  static ReportPeriod read(String from, String to, LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate end = day(to, today, "to", errors);
    LocalDate start = day(from, end.minusDays(DEFAULT_DAYS - 1L), "from", errors);
    if (errors.isEmpty() && start.isAfter(end)) {
      errors.put("from", "The first day must be on or before the last");
    }
    return new ReportPeriod(start, end, Map.copyOf(errors));
  }

  private static LocalDate day(
      String text, LocalDate otherwise, String field, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    return Inputs.date(text.strip())
        .orElseGet(
            () -> {
              errors.put(field, "Enter a real date like 2026-04-01");
              return otherwise;
            });
  }
}
