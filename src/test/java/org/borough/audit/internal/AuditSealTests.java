// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog.Entry;
import org.junit.jupiter.api.Test;

class AuditSealTests {

  private static final Instant AT = Instant.parse("2026-12-05T09:30:00.123456789Z");

  private static Entry entry(String subjectType, String subjectId, String detail) {
    return new Entry(7, AT, "amira", AuditAction.VIEW, subjectType, subjectId, detail, null);
  }

  @Test
  void noTwoDifferentEntriesShareACanonicalForm() {
    assertThat(AuditSeal.canonical(entry("ab", "c", null)))
        .isNotEqualTo(AuditSeal.canonical(entry("a", "bc", null)));
    assertThat(AuditSeal.canonical(entry("case", "1", null)))
        .as("null is not the text '-'")
        .isNotEqualTo(AuditSeal.canonical(entry("case", "1", "-")));
    assertThat(AuditSeal.canonical(entry("case", "1", "")))
        .isNotEqualTo(AuditSeal.canonical(entry("case", "1", null)));
  }

  @Test
  void theTimeCountsToTheMicrosecondTheDatabasesKeep() {
    assertThat(AuditSeal.canonical(entry("case", "1", null)))
        .isEqualTo("1:7;27:2026-12-05T09:30:00.123456Z;5:amira;4:VIEW;4:case;1:1;-;-;");
  }

  @Test
  void eachHashDependsOnTheEntryAndOnTheOneBefore() {
    String first = AuditSeal.hash(AuditSeal.GENESIS, entry("case", "1", "opened"));
    assertThat(first).hasSize(64).isNotEqualTo(AuditSeal.GENESIS);
    assertThat(AuditSeal.hash(AuditSeal.GENESIS, entry("case", "1", "opened"))).isEqualTo(first);
    assertThat(AuditSeal.hash(AuditSeal.GENESIS, entry("case", "1", "opened!")))
        .isNotEqualTo(first);
    assertThat(AuditSeal.hash(first, entry("case", "1", "opened"))).isNotEqualTo(first);
  }

  @Test
  void aCheckpointIsSignedWithTheKeyAndNothingElse() {
    byte[] key = "a key of thirty-two characters!!".getBytes();
    String signature = AuditSeal.sign(key, 12, AuditSeal.GENESIS);
    assertThat(signature).hasSize(64).isEqualTo(AuditSeal.sign(key, 12, AuditSeal.GENESIS));
    assertThat(AuditSeal.sign(key, 13, AuditSeal.GENESIS)).isNotEqualTo(signature);
    assertThat(AuditSeal.sign("another key of thirty-two chars!".getBytes(), 12, AuditSeal.GENESIS))
        .isNotEqualTo(signature);
  }
}
