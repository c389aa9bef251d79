// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The words a case is found by, and how a search's words are read (ADR 0024). */
class CaseWordsTests {

  @Test
  void aCaseIsIndexedByItsReferenceNumberAddressPostcodeAndDescription() {
    Set<String> words =
        CaseWords.of(
            "BR-2026-000123", "Fly-tipping behind the Café: a sofa", "12 High Street, SW1A 2AA");

    assertThat(words)
        .contains("br", "2026", "000123", "123", "12", "high", "street", "sw1a", "2aa", "sw1a2aa")
        .contains("fly", "tipping", "behind", "cafe", "sofa")
        .doesNotContain("the", "a", "Café", "BR");
  }

  @Test
  void aCompactPostcodeInTheAddressIsIndexedWithAndWithoutItsSpace() {
    assertThat(CaseWords.of("BR-2026-000001", "x", "Flat 2, E16AN")).contains("e16an");
    assertThat(CaseWords.of("BR-2026-000001", "x", "Flat 2, E1 6AN")).contains("e16an", "e1");
  }

  @Test
  void aLongDescriptionIsCutToItsFirstWordsAndLongWordsToThirtyLetters() {
    String many = "word".repeat(20) + " " + "w".repeat(3) + " ";
    StringBuilder text = new StringBuilder(many);
    for (int i = 0; i < 200; i++) {
      text.append("w").append(i).append(' ');
    }
    Set<String> words = CaseWords.of("BR-2026-000001", text.toString(), null);

    assertThat(words).hasSize(CaseWords.MAX_WORDS);
    assertThat(words).contains("word".repeat(20).substring(0, CaseWords.WORD_LENGTH));
  }

  @Test
  void aSearchKeepsItsFirstSixUsefulWordsOnce() {
    assertThat(CaseWords.query("The BIN, the bin and the box")).containsExactly("bin", "box");
    assertThat(CaseWords.query("a b c d e f g h")).isEmpty();
    assertThat(CaseWords.query("one two three four five six seven")).hasSize(6);
  }
}
