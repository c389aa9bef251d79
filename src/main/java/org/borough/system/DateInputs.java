// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.springframework.util.MultiValueMap;

/**
 * GOV.UK date inputs: three form fields, {@code name-day}, {@code name-month}, {@code name-year}.
 */
public final class DateInputs {

  private static final String[] PARTS = {"-day", "-month", "-year"};

  private DateInputs() {}

  /**
   * The date typed into {@code name}'s three fields, or null when all three are empty. A date that
   * is not real (31 2 2026, letters), or outside the years a database column holds, is rejected on
   * {@code errors} with {@code message} and read as null.
   */
  public static LocalDate read(
      MultiValueMap<String, String> form, String name, String message, Errors errors) {
    String[] parts = new String[3];
    boolean any = false;
    for (int i = 0; i < 3; i++) {
      String v = form.getFirst(name + PARTS[i]);
      parts[i] = v == null ? "" : v.trim();
      any |= !parts[i].isEmpty();
    }
    if (!any) {
      return null;
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
      if (!date.isBefore(Inputs.EARLIEST_DATE) && !date.isAfter(Inputs.LATEST_DATE)) {
        return date;
      }
    } catch (NumberFormatException | DateTimeException e) {
      // rejected below
    }
    errors.reject(name, message);
    return null;
  }

  /** Puts {@code date} into {@code name}'s three fields, to show a stored date in a form. */
  public static void fill(MultiValueMap<String, String> form, String name, LocalDate date) {
    if (date != null) {
      form.add(name + "-day", String.valueOf(date.getDayOfMonth()));
      form.add(name + "-month", String.valueOf(date.getMonthValue()));
      form.add(name + "-year", String.valueOf(date.getYear()));
    }
  }
}
