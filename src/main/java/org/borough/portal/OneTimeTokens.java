// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import java.util.regex.Pattern;
import org.borough.system.RandomTokens;
import org.borough.system.Sha256;

/**
 * The tokens in links emailed to residents (sign-in, proving a report is theirs): 256 random bits,
 * kept only as their SHA-256 hash. The token has far too much entropy to guess, so a slow hash
 * would add nothing, and a copy of the database holds no working link.
 */
final class OneTimeTokens {

  /** 32 random bytes in base64url: 43 characters. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private OneTimeTokens() {}

  static String next() {
    return RandomTokens.urlSafe(32);
  }

  /** Whether the text could be a token at all: anything else is refused before the database. */
  static boolean wellFormed(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  static String hash(String token) {
    return Sha256.hex(token);
  }
}
