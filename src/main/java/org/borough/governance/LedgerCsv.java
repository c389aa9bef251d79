// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.borough.system.CsvCells;

/**
 * A month's actuals as a ledger exports them: a heading line {@code budget_line,amount}, then one
 * line per budget line with its id and the amount spent in pounds ({@code 87916.67}, or quoted with
 * a pound sign and commas, {@code "£87,916.67"}). Other columns are allowed and ignored, so a
 * ledger report can be imported as it comes once its two columns are named so. Read by Apache
 * Commons CSV, so a quoted value may hold commas and line breaks, as ledger exports' descriptions
 * do.
 */
final class LedgerCsv {

  // A spreadsheet's rows: a quoted value may hold commas and line breaks, and blank rows count.
  private static final CSVFormat FORMAT =
      CsvCells.FORMAT.builder().setIgnoreEmptyLines(false).get();

  private LedgerCsv() {}

  /** One row of the file, numbered from 1 as a spreadsheet shows it. */
  record Line(int number, String budgetLine, String amount) {}

  /**
   * Thrown when the file cannot be read as a ledger: its heading row lacks a column, or it is not
   * CSV (a quoted value never closed); nothing in it is kept.
   */
  static final class Unreadable extends RuntimeException {
    private final int line;

    Unreadable(int line, String message) {
      super("Line " + line + ": " + message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  static List<Line> read(String text) {
    List<Line> lines = new ArrayList<>();
    int lineColumn = -1;
    int amountColumn = -1;
    boolean headed = false;
    int row = 0;
    String body = text == null ? "" : text.replace("\uFEFF", "");
    try (CSVParser parser = FORMAT.parse(new StringReader(body))) {
      for (CSVRecord record : parser) {
        row = (int) record.getRecordNumber();
        if (record.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (!headed) {
          for (int c = 0; c < record.size(); c++) {
            String name = record.get(c).trim().toLowerCase(Locale.ROOT);
            if (name.equals("budget_line")) {
              lineColumn = c;
            } else if (name.equals("amount")) {
              amountColumn = c;
            }
          }
          if (lineColumn < 0 || amountColumn < 0) {
            throw new Unreadable(
                row,
                "the first line must name the columns budget_line and amount, like"
                    + " budget_line,amount");
          }
          headed = true;
          continue;
        }
        lines.add(new Line(row, field(record, lineColumn), field(record, amountColumn)));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new Unreadable(
          row + 1,
          "the file is not CSV a spreadsheet can read: a value that starts with a double quote"
              + " must end with one before the next comma, and a double quote inside it is"
              + " written twice (\"\")");
    }
    return lines;
  }

  private static String field(CSVRecord record, int column) {
    return column < record.size() ? record.get(column).trim() : "";
  }
}
