// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.util.Random;

/** Files for upload tests. */
public final class TestFiles {

  private TestFiles() {}

  /** {@code size} random bytes (the same for a seed) behind a PNG signature: sniffed as a PNG. */
  public static byte[] png(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(magic, 0, b, 0, magic.length);
    return b;
  }
}
