// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.borough.support.TestOutbox;
import org.junit.jupiter.api.Test;

/** How every reader follows the outbox past positions whose transactions have not committed. */
class OutboxCursorTests {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private final TestOutbox outbox = new TestOutbox();

  private long add() {
    return outbox.addRaw("case.opened.v1", "case", "x", T0, "{}");
  }

  private static List<Long> positions(OutboxCursor.Read read) {
    return read.entries().stream().map(Outbox.Entry::position).toList();
  }

  @Test
  void readsInOrderUpToTheLimitAndSettlesWhereItRead() {
    for (int i = 0; i < 5; i++) {
      add();
    }
    OutboxCursor cursor = OutboxCursor.at(0);

    assertThat(positions(cursor.read(outbox, 3, TIMEOUT, T0))).containsExactly(1L, 2L, 3L);
    assertThat(positions(cursor.read(outbox, 3, TIMEOUT, T0))).containsExactly(4L, 5L);
    assertThat(cursor.read(outbox, 3, TIMEOUT, T0).isEmpty()).isTrue();
    assertThat(cursor.settled()).isEqualTo(5);
  }

  @Test
  void passesAPositionNotYetCommittedAndHandsItOverWhenItAppears() {
    add();
    long slow = add();
    add();
    outbox.hide(slow);
    OutboxCursor cursor = OutboxCursor.at(0);

    assertThat(positions(cursor.read(outbox, 10, TIMEOUT, T0))).containsExactly(1L, 3L);
    assertThat(cursor.gaps()).containsOnlyKeys(slow);
    assertThat(cursor.settled()).isEqualTo(1);

    outbox.show(slow);
    long next = add();
    OutboxCursor.Read read = cursor.read(outbox, 10, TIMEOUT, T0.plusSeconds(5));
    assertThat(positions(read)).containsExactly(slow, next);
    assertThat(read.lateArrivals()).isEqualTo(1);
    assertThat(cursor.gaps()).isEmpty();
    assertThat(cursor.settled()).isEqualTo(next);
  }

  @Test
  void dropsAGapAfterTheTimeoutAsARolledBackTransaction() {
    add();
    outbox.skip();
    add();
    OutboxCursor cursor = OutboxCursor.at(0);
    cursor.read(outbox, 10, TIMEOUT, T0);

    assertThat(cursor.read(outbox, 10, TIMEOUT, T0.plusSeconds(59)).gapsDropped()).isZero();
    assertThat(cursor.settled()).isEqualTo(1);
    assertThat(cursor.read(outbox, 10, TIMEOUT, T0.plusSeconds(60)).gapsDropped()).isEqualTo(1);
    assertThat(cursor.settled()).isEqualTo(3);
  }

  @Test
  void lateArrivalsCountAgainstTheLimitAndWaitIfItIsReached() {
    long a = add();
    long b = add();
    add();
    outbox.hide(a);
    outbox.hide(b);
    OutboxCursor cursor = OutboxCursor.at(0);
    cursor.read(outbox, 10, TIMEOUT, T0);
    outbox.show(a);
    outbox.show(b);

    assertThat(positions(cursor.read(outbox, 1, TIMEOUT, T0))).containsExactly(a);
    assertThat(cursor.gaps()).containsOnlyKeys(b);
    assertThat(positions(cursor.read(outbox, 1, TIMEOUT, T0))).containsExactly(b);
  }

  @Test
  void takesAJumpBeyondTheLimitAsAResetWithoutWaiting() {
    add();
    for (int i = 0; i <= OutboxCursor.MAX_GAPS_PER_JUMP; i++) {
      outbox.skip();
    }
    long after = add();
    OutboxCursor cursor = OutboxCursor.at(0);

    assertThat(positions(cursor.read(outbox, 10, TIMEOUT, T0))).containsExactly(1L, after);
    assertThat(cursor.gaps()).isEmpty();
    assertThat(cursor.settled()).isEqualTo(after);
  }

  @Test
  void startsFromStoredGapsAsAReaderThatKeepsThemDoes() {
    long a = add();
    add();
    OutboxCursor cursor = new OutboxCursor(2, java.util.Map.of(a, T0.minusSeconds(10)));

    assertThat(positions(cursor.read(outbox, 10, TIMEOUT, T0))).containsExactly(a);
    assertThat(cursor.high()).isEqualTo(2);
    assertThat(cursor.settled()).isEqualTo(2);
  }
}
