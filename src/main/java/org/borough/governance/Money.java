// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts of money as council papers write them, held as whole pence. "£1,055,000", "1055000.00",
 * "£1.055m" and "£930k" all read; fractions of a penny and negative amounts do not.
 */
public final class Money {

  private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");

  /** Longer than "£92,233,720,368,547,758.07", the most a long holds in pence. */
  private static final int MAX_TEXT = 40;

  private Money() {}

  /** The amount in pence; empty when it is not an amount of money. */
  public static Optional<Long> parsePence(String input) {
    if (input == null) {
      return Optional.empty();
    }
    if (input.length() > MAX_TEXT) {
      return Optional
          .empty(); // digits cost BigDecimal time in their square: no amount is this long
    }
    String s = input.trim().toLowerCase(Locale.UK).replace(",", "").replace(" ", "");
    if (s.startsWith("£")) {
      s = s.substring(1);
    }
    int shift = 0;
    if (s.endsWith("bn")) {
      shift = 9;
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("m")) {
      shift = 6;
      s = s.substring(0, s.length() - 1);
    } else if (s.endsWith("k")) {
      shift = 3;
      s = s.substring(0, s.length() - 1);
    }
    if (!AMOUNT.matcher(s).matches()) {
      return Optional.empty();
    }
    BigDecimal pence = new BigDecimal(s).movePointRight(shift + 2).stripTrailingZeros();
    if (pence.scale() > 0) {
      return Optional.empty(); // a fraction of a penny
    }
    try {
      return Optional.of(pence.longValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Pence as pounds: "£1,055,000", or "£12.50" when there are pence. */
  public static String format(Long pence) {
    if (pence == null) {
      return "";
    }
    NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
    f.setMinimumFractionDigits(pence % 100 == 0 ? 0 : 2);
    f.setMaximumFractionDigits(2);
    return "£" + f.format(BigDecimal.valueOf(pence).movePointLeft(2));
  }

  /** Pence as a plain number of pounds for a form field: "1055000" or "12.50". */
  public static String plain(Long pence) {
    if (pence == null) {
      return "";
    }
    BigDecimal pounds = BigDecimal.valueOf(pence).movePointLeft(2);
    return pence % 100 == 0
        ? pounds.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
        : pounds.toPlainString();
  }
}
