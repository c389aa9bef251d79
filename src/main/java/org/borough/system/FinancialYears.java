// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Financial years, 1 April to 31 March, as councils write them (2026/27), for the statutory reports
 * that count by year. (Governance's {@code FinancialYear} is its budget lines' own.)
 */
public final class FinancialYears {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})/(\\d{2})");

  private FinancialYears() {}

  /** The first calendar year of a year written 2026/27, if it is one (2000/01 to 2099/00). */
  public static Optional<Integer> startOf(String year) {
    Matcher m = YEAR.matcher(year == null ? "" : year.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int start = Integer.parseInt(m.group(1));
    return (start + 1) % 100 == Integer.parseInt(m.group(2)) && start >= 2000 && start < 2100
        ? Optional.of(start)
        : Optional.empty();
  }

  /** The financial year a day falls in, written 2026/27. */
  public static String of(LocalDate day) {
    return written(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
  }

  /** The year that starts on 1 April of {@code startYear}, written 2026/27. */
  public static String written(int startYear) {
    return String.format("%d/%02d", startYear, (startYear + 1) % 100);
  }

  /**
   * The year {@code current} (written 2026/27) and the {@code count - 1} before it, newest first.
   */
  public static List<String> recent(String current, int count) {
    int start = startOf(current).orElseThrow();
    List<String> years = new ArrayList<>();
    for (int y = start; y > start - count; y--) {
      years.add(written(y));
    }
    return years;
  }
}
