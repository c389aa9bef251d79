// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PseudonymsTests {

  private final Pseudonyms pseudonyms =
      new Pseudonyms("test-key-test-key-test-key-test-key".getBytes(StandardCharsets.UTF_8));

  @Test
  void aCaseKeyIsNotItsIdButThisServerCanTurnItBack() {
    UUID id = UUID.randomUUID();
    UUID key = pseudonyms.ofCase(id);
    assertThat(key).isNotEqualTo(id).isEqualTo(pseudonyms.ofCase(id));
    assertThat(pseudonyms.caseIdOf(key)).isEqualTo(id);
    assertThat(
            new Pseudonyms("another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8))
                .ofCase(id))
        .as("another secret, another key")
        .isNotEqualTo(key);
    assertThat(pseudonyms.ofCase(null)).isNull();
    assertThat(pseudonyms.caseIdOf(null)).isNull();
  }

  @Test
  void oneIdGivesUnrelatedKeysAsACaseAContactAndAResident() {
    UUID id = UUID.randomUUID();
    assertThat(java.util.Set.of(pseudonyms.ofCase(id), pseudonyms.ofContact(id), pseudonyms.of(id)))
        .hasSize(3)
        .doesNotContain(id);
  }
}
