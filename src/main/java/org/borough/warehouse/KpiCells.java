// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a KPI's values are shown in the dashboards' tables, and the raw value a chart draws. */
final class KpiCells {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  private KpiCells() {}

  /**
   * One cell: the text shown, the number behind it (for charts; null for text), and a link.
   *
   * @param href where the cell leads, or null
   */
  record Cell(String text, String value, String href, boolean numeric) {}

  static Cell of(Object v, String type, String href) {
    return new Cell(text(v, type), raw(v), href, isNumeric(type));
  }

  static boolean isNumeric(String type) {
    return switch (type) {
      case "count", "percent", "money", "days" -> true;
      default -> false;
    };
  }

  static String text(Object v, String type) {
    if (v == null) {
      return switch (type) {
        case "money" -> "no figure";
        case "code" -> "none";
        default -> "";
      };
    }
    return switch (type) {
      case "count" -> NumberFormat.getIntegerInstance(Locale.UK).format(v);
      case "percent" -> ((BigDecimal) v).toPlainString() + "%";
      case "money" -> "£" + String.format(Locale.UK, "%,.2f", (BigDecimal) v);
      case "days" -> ((BigDecimal) v).toPlainString();
      case "month" -> MONTH.format(YearMonth.parse(v.toString()));
      case "date" -> DATE.format((LocalDate) v);
      default -> v.toString();
    };
  }

  private static String raw(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (v instanceof Number n) {
      return n.toString();
    }
    return null;
  }
}
