// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How names sound (ADR 0024): the pairs a contact centre hears, and the limits written down. */
class NameSoundsTests {

  @ParameterizedTest
  @CsvSource({
    "Smith, Smyth",
    "Smith, Smythe",
    "Phillips, Philips",
    "Catherine, Katherine",
    "Jon, John",
    "Stephen, Steven",
    "O'Brien, OBrien",
    "Müller, Muller",
    "Mcdonald, Macdonald"
  })
  void namesThatSoundAlikeShareTheMetaphoneKey(String a, String b) {
    assertThat(NameSounds.of(a, a).surname()).isEqualTo(NameSounds.of(b, b).surname());
  }

  @ParameterizedTest
  @CsvSource({"Smith, Smtih", "Smith, Snith", "Robertson, Robertsen", "Johnson, Jonhson"})
  void slipsThatMetaphoneMissesShareTheSoundexKey(String a, String b) {
    assertThat(NameSounds.of("", a).surnameSoundex())
        .isEqualTo(NameSounds.of("", b).surnameSoundex());
  }

  @ParameterizedTest
  @CsvSource({"Smith, Jones", "Smith, Smih", "Patel, Khan"})
  void differentNamesAndDroppedConsonantsDoNot(String a, String b) {
    NameSounds.Keys x = NameSounds.of("", a);
    NameSounds.Keys y = NameSounds.of("", b);
    assertThat(x.surname().equals(y.surname()) || x.surnameSoundex().equals(y.surnameSoundex()))
        .as(a + " / " + b)
        .isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      value = {"'', ''", "'123', ''", "'-', ''"},
      quoteCharacter = '\'')
  void aNameWithoutLettersHasNoSound(String name, String key) {
    NameSounds.Keys keys = NameSounds.of(name, name);
    assertThat(keys.surname()).isEqualTo(key);
    assertThat(keys.surnameSoundex()).isEqualTo(key);
    assertThat(keys.forename()).isEqualTo(key);
  }
}
