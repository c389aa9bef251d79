// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers, ids and dates read from what a client sent, checked on their text before anything
 * converts them. {@link BigDecimal} costs time and memory in the size of the number, not of its
 * text: {@code new BigDecimal("1e600000000").toPlainString()} is 600 million digits (an
 * OutOfMemoryError from 11 characters) and {@code new BigDecimal("1e-999999999").setScale(6)} works
 * for hours. So a number here is written plainly (an optional sign, digits, an optional point and
 * digits: no exponent), has a bounded number of digits on each side of the point, and only then
 * becomes a {@code BigDecimal}. Each method answers empty for anything else, and the caller says
 * what it expected in its own error format.
 */
public final class Inputs {

  /** The earliest date Borough reads from input: nothing it records is older. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

  /** The latest date Borough reads from input: past it is a typing mistake, not a plan. */
  public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

  private static final Pattern PLAIN = Pattern.compile("([+-]?)([0-9]*)(?:\\.([0-9]*))?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Digits after the point a coordinate may be sent with: far more than any device measures. */
  public static final int COORDINATE_DECIMALS = 20;

  /** Longer than any number, id or date this class reads; the regex never sees more. */
  private static final int MAX_TEXT = 64;

  private Inputs() {}

  /** The text without surrounding white space, or null when there is none: a field left empty. */
  public static String stripped(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /**
   * A plain decimal with at most {@code maxIntegerDigits} significant digits before the point and
   * {@code maxFractionDigits} after it (leading and trailing zeros do not count), trailing zeros
   * stripped; empty when the text is not one.
   */
  public static Optional<BigDecimal> decimal(
      String text, int maxIntegerDigits, int maxFractionDigits) {
    Matcher m = plain(text);
    if (m == null) {
      return Optional.empty();
    }
    String integer = stripLeading(m.group(2));
    String fraction = stripTrailing(m.group(3) == null ? "" : m.group(3));
    if (integer.length() > maxIntegerDigits || fraction.length() > maxFractionDigits) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(m.group(0).trim()).stripTrailingZeros());
  }

  /**
   * A plain decimal from {@code min} to {@code max}, rounded half up to {@code scale} places (a
   * coordinate sent with more precision than it has); empty when the text is not one. It may have
   * up to {@link #COORDINATE_DECIMALS} digits after the point.
   */
  public static Optional<BigDecimal> decimalIn(
      String text, BigDecimal min, BigDecimal max, int scale) {
    int integerDigits = Math.max(min.abs().toBigInteger().toString().length(), 1);
    integerDigits = Math.max(integerDigits, max.abs().toBigInteger().toString().length());
    return decimal(text, integerDigits, COORDINATE_DECIMALS)
        .filter(d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0)
        .map(d -> d.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros());
  }

  /** A whole number from {@code min} to {@code max}; empty when the text is not one. */
  public static Optional<Long> whole(String text, long min, long max) {
    if (text == null || text.length() > MAX_TEXT) {
      return Optional.empty();
    }
    String t = text.trim();
    // 19 digits fit a long; more, after leading zeros, cannot be in range.
    if (!WHOLE.matcher(t).matches() || stripLeading(t.replaceFirst("^[+-]", "")).length() > 18) {
      return Optional.empty();
    }
    long n = Long.parseLong(t);
    return n >= min && n <= max ? Optional.of(n) : Optional.empty();
  }

  /** A whole number from {@code min} to {@code max} as an int; empty when the text is not one. */
  public static Optional<Integer> integer(String text, int min, int max) {
    return whole(text, min, max).map(Long::intValue);
  }

  /**
   * An id in its canonical 36-character form. {@link UUID#fromString} also takes '1-2-3-4-5' and
   * throws on the rest; here anything but the canonical form is simply not an id.
   */
  public static Optional<UUID> uuid(String text) {
    if (text == null || text.length() > MAX_TEXT) {
      return Optional.empty();
    }
    String t = text.trim();
    return UUID_TEXT.matcher(t).matches() ? Optional.of(UUID.fromString(t)) : Optional.empty();
  }

  /**
   * A date written 2026-03-27, from {@link #EARLIEST_DATE} to {@link #LATEST_DATE}. {@link
   * LocalDate#parse} takes '+999999999-12-31', which no database column holds.
   */
  public static Optional<LocalDate> date(String text) {
    if (text == null || text.length() > MAX_TEXT) {
      return Optional.empty();
    }
    Matcher m = DATE.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDate d =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      return d.isBefore(EARLIEST_DATE) || d.isAfter(LATEST_DATE)
          ? Optional.empty()
          : Optional.of(d);
    } catch (DateTimeException e) {
      return Optional.empty(); // 2026-02-30
    }
  }

  /** The text's match of a plain decimal with at least one digit, or null. */
  private static Matcher plain(String text) {
    if (text == null || text.length() > MAX_TEXT) {
      return null;
    }
    Matcher m = PLAIN.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    boolean digits = !m.group(2).isEmpty() || (m.group(3) != null && !m.group(3).isEmpty());
    return digits ? m : null;
  }

  private static String stripLeading(String digits) {
    int i = 0;
    while (i < digits.length() && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private static String stripTrailing(String digits) {
    int i = digits.length();
    while (i > 0 && digits.charAt(i - 1) == '0') {
      i--;
    }
    return digits.substring(0, i);
  }

  /**
   * Free text that must be given: stripped, rejected on {@code errors} under {@code field} with
   * {@code missing} when empty, or when longer than {@code max} characters.
   */
  public static String requiredText(
      String value, String field, String missing, int max, Errors errors) {
    String t = value == null ? "" : value.strip();
    if (t.isEmpty()) {
      errors.reject(field, missing);
    } else if (t.length() > max) {
      errors.reject(field, "Write " + max + " characters or fewer");
    }
    return t;
  }
}
