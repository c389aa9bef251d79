// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * UK postcodes, phone numbers and email addresses: validated and put in one stored form, so that
 * 'sw1a1aa' and 'SW1A 1AA', or '07700 900123' and '+44 7700 900123', find the same resident.
 */
public final class UkFormats {

  private static final Pattern POSTCODE =
      Pattern.compile(
          "^(GIR0AA|[A-PR-UWYZ]([0-9][A-HJKPSTUW0-9]?|[A-HK-Y][0-9][ABEHMNPRVWXY0-9]?)"
              + "[0-9][ABD-HJLNP-UW-Z]{2})$");
  private static final Pattern PHONE_CHARS = Pattern.compile("^\\+?[0-9 ()\\-.]{7,25}$");
  // National significant numbers: 9 or 10 digits, not starting 0; 4 and 6 are not in use.
  private static final Pattern NSN = Pattern.compile("^[1235789][0-9]{8,9}$");
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

  private UkFormats() {}

  /** 'sw1a1aa' to 'SW1A 1AA'; empty when it is not a UK postcode. */
  public static Optional<String> postcode(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String compact = input.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    if (!POSTCODE.matcher(compact).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
  }

  /** A UK number in E.164 ('+447700900123'); empty when it is not a UK phone number. */
  public static Optional<String> phone(String input) {
    if (input == null || !PHONE_CHARS.matcher(input.trim()).matches()) {
      return Optional.empty();
    }
    String digits = input.replaceAll("[^0-9+]", "");
    String nsn;
    if (digits.startsWith("+44")) {
      nsn = digits.substring(3);
    } else if (digits.startsWith("0044")) {
      nsn = digits.substring(4);
    } else if (digits.startsWith("0") && !digits.startsWith("00")) {
      nsn = digits.substring(1);
    } else {
      return Optional.empty();
    }
    if (nsn.startsWith("0")) {
      nsn = nsn.substring(1); // "+44 (0)20 ..." is written often
    }
    return NSN.matcher(nsn).matches() ? Optional.of("+44" + nsn) : Optional.empty();
  }

  /** '+447700900123' as people write it in the UK: '07700 900123', '020 7946 0123'. */
  public static String displayPhone(String e164) {
    if (e164 == null || !e164.startsWith("+44")) {
      return e164;
    }
    String national = "0" + e164.substring(3);
    if (national.startsWith("02") && national.length() == 11) {
      return national.substring(0, 3)
          + " "
          + national.substring(3, 7)
          + " "
          + national.substring(7);
    }
    if (national.length() == 11) {
      return national.substring(0, 5) + " " + national.substring(5);
    }
    return national;
  }

  /** A trimmed, lower-case address; empty when it is not an email address. */
  public static Optional<String> email(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String trimmed = input.trim();
    if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    // Lower-cased whole: mail systems treat local parts case-insensitively in practice, and one
    // stored form is what lets search find "Jo.Bloggs@x" from "jo.bloggs@x".
    return Optional.of(trimmed.toLowerCase(Locale.ROOT));
  }
}
