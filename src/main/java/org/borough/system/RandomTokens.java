// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets made of random bytes from the JDK's {@link SecureRandom}, written as URL-safe Base64
 * without padding: API tokens, Open311 keys, session ids, residents' one-time links, generated
 * passwords. One place, so that none is made with a weaker generator or written differently.
 */
public final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomTokens() {}

  /** {@code bytes} random bytes as text: 32 bytes (256 bits) is 43 characters. */
  public static String urlSafe(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
  }

  /** {@code n} random bytes: key material. */
  public static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
