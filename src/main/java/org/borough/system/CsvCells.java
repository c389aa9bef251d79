// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV files people open in a spreadsheet: RFC 4180 (comma-separated, CRLF, quoted where needed)
 * written by Apache Commons CSV, with free text kept from being run as a formula.
 */
public final class CsvCells {

  /** How Borough writes and reads CSV: RFC 4180, blank lines kept so line numbers stay true. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private CsvCells() {}

  /** A printer of lines onto the writer; the caller flushes it. */
  public static CSVPrinter printer(Writer out) throws IOException {
    return new CSVPrinter(out, FORMAT);
  }

  /** Free text as a cell's value: a leading quote where a spreadsheet would read a formula. */
  public static String text(String s) {
    if (s == null) {
      return "";
    }
    return formula(s) ? "'" + s : s; // a spreadsheet would run it as a formula
  }

  /**
   * Whether a spreadsheet might read the text as a formula: it starts with = + - @, a tab or a
   * carriage return, or with those after spaces or other control characters, which spreadsheets
   * skip (" =1+1" is a formula in some).
   */
  public static boolean formula(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("=+-@\t\r".indexOf(c) >= 0) {
        return true;
      }
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)) {
        return false;
      }
    }
    return false;
  }
}
