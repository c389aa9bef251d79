// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.logging;

/**
 * Text that came from input, made safe for one log line: control characters are written as escapes
 * ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}…), so a username with a newline in it cannot
 * start a line that looks like the application's own, and an ANSI escape cannot repaint a terminal.
 * Unicode's line and paragraph separators and next-line are escaped too.
 */
public final class LogText {

  private LogText() {}

  public static String encode(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    while (i < text.length() && !escaped(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text; // the usual case: nothing to copy
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!escaped(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  private static boolean escaped(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }
}
