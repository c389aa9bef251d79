// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** If-Match as RFC 9110 reads it, against a record at version 4. */
class EntityTagsTests {

  @Test
  void noIfMatchMeansTheStoredVersion() {
    assertThat(EntityTags.expected(null, 4, "team")).isEqualTo(4);
  }

  @Test
  void theCurrentTagAStarOrAListNamingItLetTheChangeThrough() {
    assertThat(EntityTags.expected("\"4\"", 4, "team")).isEqualTo(4);
    assertThat(EntityTags.expected(" * ", 4, "team")).isEqualTo(4);
    assertThat(EntityTags.expected("\"2\", \"4\"", 4, "team")).isEqualTo(4);
  }

  @Test
  void anOlderOrWeakTagIsAFailedPreconditionCarryingTheCurrentTag() {
    for (String stale : new String[] {"\"3\"", "W/\"4\"", "\"abc\""}) {
      assertThatThrownBy(() -> EntityTags.expected(stale, 4, "team"))
          .as(stale)
          .isInstanceOf(PreconditionFailedException.class)
          .hasMessageContaining("team was changed since you read it")
          .extracting(e -> ((PreconditionFailedException) e).currentTag())
          .isEqualTo("\"4\"");
    }
  }

  @Test
  void anUnreadableHeaderIsInvalidInputNamingIt() {
    for (String bad : new String[] {"4", "\"4", "\"4\",", "\"4\"\"", ""}) {
      assertThatThrownBy(() -> EntityTags.expected(bad, 4, "team"))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsKey("If-Match"));
    }
  }

  @Test
  void aRequiredVersionTakesIfMatchFirstThenTheOldParameterElseNeither() {
    assertThat(EntityTags.required("\"4\"", 1, 4, "resident")).isEqualTo(4);
    assertThat(EntityTags.required(null, 3, 4, "resident")).isEqualTo(3);
    assertThatThrownBy(() -> EntityTags.required(null, null, 4, "resident"))
        .isInstanceOf(InvalidInputException.class);
  }
}
