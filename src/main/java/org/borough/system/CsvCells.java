// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.util.List;

/**
 * Cells and lines of CSV files people open in a spreadsheet (RFC 4180: comma-separated, CRLF,
 * quoted where needed), with free text kept from being run as a formula.
 */
public final class CsvCells {

  private CsvCells() {}

  /** Free text as a cell: a leading quote where a spreadsheet would read a formula, then quoted. */
  public static String text(String s) {
    if (s == null) {
      return "";
    }
    return quoted(formula(s) ? "'" + s : s); // a spreadsheet would run it as a formula
  }

  /** A value already formatted (a number, a date) as a cell, quoted where needed. */
  public static String quoted(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /** Cells already made by {@link #text} or {@link #quoted}, as one line ending CRLF. */
  public static String line(List<String> cells) {
    return String.join(",", cells) + "\r\n";
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
