// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSimilarityTests {

  @Test
  void theSameNameIsSimilar() {
    assertThat(NameSimilarity.similar("smith john", "smith john")).isTrue();
  }

  @Test
  void aOneLetterTypoInTheSurnameIsSimilar() {
    assertThat(NameSimilarity.similar("smith john", "smyth john")).isTrue();
    assertThat(NameSimilarity.similar("smith john", "smth john")).isTrue();
    assertThat(NameSimilarity.similar("brown mary", "browne mary")).isTrue();
  }

  @Test
  void aShortSurnameToleratesOnlyOneTypo() {
    // "smith" has five letters: two edits are too many.
    assertThat(NameSimilarity.similar("smith john", "smyte john")).isFalse();
  }

  @Test
  void aLongSurnameToleratesTwoTypos() {
    // "johnson" -> "jonsen": drop the h, o -> e.
    assertThat(NameSimilarity.similar("johnson mary", "jonsen mary")).isTrue();
    // ...but not three.
    assertThat(NameSimilarity.similar("johnson mary", "jansen mary")).isFalse();
  }

  @Test
  void aForenameThatIsAPrefixOfTheOtherIsSimilar() {
    assertThat(NameSimilarity.similar("smith jon", "smith jonathan")).isTrue();
    assertThat(NameSimilarity.similar("smith jonathan", "smith jon")).isTrue();
    // An initial is a prefix too.
    assertThat(NameSimilarity.similar("smith j", "smith jonathan")).isTrue();
  }

  @Test
  void aOneLetterTypoInTheForenameIsSimilar() {
    assertThat(NameSimilarity.similar("smith johm", "smith john")).isTrue(); // substitution
    assertThat(NameSimilarity.similar("smith jon", "smith john")).isTrue(); // deletion
    assertThat(NameSimilarity.similar("smith joohn", "smith john")).isTrue(); // insertion
  }

  @Test
  void typosInBothSurnameAndForenameTogetherAreStillSimilar() {
    assertThat(NameSimilarity.similar("smyth jon", "smith jonathan")).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "smith john, jones mary",
    "smith john, smith mary",
    "smith john, jones john",
    "smith john, smith peter",
    "patel priya, patil ravi",
    "williams sarah, wilson sarah",
    "smith jonathan, smith joanna"
  })
  void clearlyDifferentPeopleAreNotSimilar(String a, String b) {
    assertThat(NameSimilarity.similar(a, b)).isFalse();
    assertThat(NameSimilarity.similar(b, a)).isFalse();
  }

  @Test
  void aNameWithoutAForenameIsOnlySimilarToItself() {
    assertThat(NameSimilarity.similar("smith", "smith")).isTrue();
    assertThat(NameSimilarity.similar("smith", "smyth")).isFalse();
    assertThat(NameSimilarity.similar("smith", "smith john")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "smith john, smyth john",
    "smith jon, smith jonathan",
    "johnson mary, jonsen mary",
    "smith john, smithe john",
    "smith john, smithers john",
    "smythe john, smith john"
  })
  void similarityDoesNotDependOnTheOrderOfTheNames(String a, String b) {
    assertThat(NameSimilarity.similar(a, b))
        .as("similar(\"%s\", \"%s\") == similar(\"%s\", \"%s\")", a, b, b, a)
        .isEqualTo(NameSimilarity.similar(b, a));
  }

  // --- distance ---------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "smith, smith, 0",
    "smith, smyth, 1", // substitution
    "smith, smth, 1", // deletion
    "smith, smithe, 1", // insertion
    "john, jhon, 2", // a transposition is two edits
    "kitten, sitting, 3",
    "flaw, lawn, 2",
    "'', abc, 3",
    "abc, '', 3",
    "'', '', 0",
    "abc, xyz, 3"
  })
  void distanceIsTheLevenshteinEditDistance(String a, String b, int expected) {
    assertThat(NameSimilarity.distance(a, b)).isEqualTo(expected);
    assertThat(NameSimilarity.distance(b, a)).isEqualTo(expected);
  }
}
