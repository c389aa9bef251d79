// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A month's actuals as a ledger exports them: a heading line {@code budget_line,amount}, then one
 * line per budget line with its id and the amount spent in pounds ({@code 87916.67}, or quoted with
 * a pound sign and commas, {@code "£87,916.67"}). Other columns are allowed and ignored, so a
 * ledger report can be imported as it comes once its two columns are named so.
 */
final class LedgerCsv {

  private LedgerCsv() {}

  /** One line of the file, numbered from 1 as a spreadsheet shows it. */
  record Line(int number, String budgetLine, String amount) {}

  /** Thrown when the heading line is missing or lacks a column; nothing else is read. */
  static final class BadHeading extends RuntimeException {
    BadHeading(String message) {
      super(message);
    }
  }

  static List<Line> read(String text) {
    List<Line> lines = new ArrayList<>();
    String[] raw = (text == null ? "" : text.replace("\uFEFF", "")).split("\r\n|\r|\n", -1);
    int lineColumn = -1;
    int amountColumn = -1;
    boolean headed = false;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].isBlank()) {
        continue;
      }
      List<String> fields = fields(raw[i]);
      if (!headed) {
        for (int c = 0; c < fields.size(); c++) {
          String name = fields.get(c).trim().toLowerCase(Locale.ROOT);
          if (name.equals("budget_line")) {
            lineColumn = c;
          } else if (name.equals("amount")) {
            amountColumn = c;
          }
        }
        if (lineColumn < 0 || amountColumn < 0) {
          throw new BadHeading(
              "Line "
                  + (i + 1)
                  + ": the first line must name the columns budget_line and amount, like"
                  + " budget_line,amount");
        }
        headed = true;
        continue;
      }
      lines.add(
          new Line(i + 1, field(fields, lineColumn).trim(), field(fields, amountColumn).trim()));
    }
    return lines;
  }

  private static String field(List<String> fields, int column) {
    return column < fields.size() ? fields.get(column) : "";
  }

  /** Splits one line at commas outside double quotes; "" inside quotes is a quote. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          f.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(ch);
      }
    }
    out.add(f.toString());
    return out;
  }
}
