// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

/**
 * Whether two search names ('surname forename') are probably one person: the same surname give or
 * take a typo, and forenames that share an initial ('Jon'/'Jonathan') or differ by a typo.
 */
final class NameSimilarity {

  private NameSimilarity() {}

  static boolean similar(String a, String b) {
    String[] x = a.split(" ", 2);
    String[] y = b.split(" ", 2);
    if (x.length < 2 || y.length < 2) {
      return a.equals(b);
    }
    // Allowance by the shorter surname, so the answer does not depend on argument order.
    int shorter = Math.min(x[0].length(), y[0].length());
    boolean surname = distance(x[0], y[0]) <= (shorter > 5 ? 2 : 1);
    boolean forename = x[1].startsWith(y[1]) || y[1].startsWith(x[1]) || distance(x[1], y[1]) <= 1;
    return surname && forename;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
