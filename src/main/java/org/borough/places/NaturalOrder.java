// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.util.Comparator;

/**
 * The order people expect of house and flat numbers: "2 Acacia Road" before "10 Acacia Road", and
 * "12A" after "12". Runs of digits compare as numbers, the rest letter by letter ignoring case.
 */
final class NaturalOrder {

  static final Comparator<String> TEXT = NaturalOrder::compare;

  private NaturalOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int byNumber = compareDigits(a.substring(i, endA), b.substring(j, endB));
        if (byNumber != 0) {
          return byNumber;
        }
        i = endA;
        j = endB;
      } else {
        int byLetter = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
        if (byLetter != 0) {
          return byLetter;
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Two runs of digits as numbers of any length: leading zeros dropped, then longer is larger. */
  private static int compareDigits(String x, String y) {
    String a = x.replaceFirst("^0+(?=.)", "");
    String b = y.replaceFirst("^0+(?=.)", "");
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
