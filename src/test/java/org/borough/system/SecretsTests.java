// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one way Borough makes random tokens and hashes them. */
class SecretsTests {

  @Test
  void aTokenOf32BytesIs43UrlSafeCharactersAndNeverRepeats() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String t = RandomTokens.urlSafe(32);
      assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(seen.add(t)).isTrue();
    }
    assertThat(RandomTokens.urlSafe(18)).hasSize(24);
  }

  @Test
  void keyMaterialIsTheBytesAskedForAndNeverRepeats() {
    byte[] a = RandomTokens.bytes(32);
    byte[] b = RandomTokens.bytes(32);
    assertThat(a).hasSize(32).isNotEqualTo(b).isNotEqualTo(new byte[32]);
  }

  @Test
  void sha256IsTheDigestOfTheUtf8BytesInLowerCaseHex() {
    // FIPS 180-2's example, and a text beyond ASCII.
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex("é"))
        .as("the UTF-8 bytes C3 A9, not Latin-1's E9")
        .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  }
}
