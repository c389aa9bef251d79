// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.borough.system.FinancialYears;

/** A council's financial year, 1 April to 31 March, written {@code 2017/18}. */
public record FinancialYear(int startYear) {

  /**
   * Reads "2017/18"; empty when it is not written so, the two years do not follow, or it falls
   * outside 2000/01 to 2099/00 (the years the warehouse's calendar holds).
   */
  public static Optional<FinancialYear> parse(String text) {
    return FinancialYears.startOf(text).map(FinancialYear::new);
  }

  /** The financial year a date falls in. */
  public static FinancialYear of(LocalDate date) {
    return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, 4, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, 3, 31);
  }

  /** The twelve months of the year, April first. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>(12);
    YearMonth april = YearMonth.from(firstDay());
    for (int m = 0; m < 12; m++) {
      months.add(april.plusMonths(m));
    }
    return months;
  }

  /** Whether the month falls in this financial year. */
  public boolean contains(YearMonth month) {
    return month != null && of(month.atDay(1)).equals(this);
  }

  @Override
  public String toString() {
    return String.format("%d/%02d", startYear, (startYear + 1) % 100);
  }
}
