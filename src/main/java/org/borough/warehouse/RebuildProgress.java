// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Instant;

/** How far a rebuild has got: CRM rows read out of the rows it expects to read. */
record RebuildProgress(
    State state, long done, long total, Instant startedAt, Instant finishedAt, String message) {

  enum State {
    IDLE,
    RUNNING,
    DONE,
    FAILED
  }

  static final RebuildProgress IDLE = new RebuildProgress(State.IDLE, 0, 0, null, null, null);

  static RebuildProgress started(Instant at, long total) {
    return new RebuildProgress(State.RUNNING, 0, total, at, null, null);
  }

  public boolean running() {
    return state == State.RUNNING;
  }

  /** Whole percent done, 0 to 100. */
  public int percent() {
    if (state == State.DONE) {
      return 100;
    }
    return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
  }

  /** Rows read so far, of {@code expected} (0 while not yet counted). */
  RebuildProgress at(long reached, long expected) {
    return new RebuildProgress(state, reached, expected, startedAt, finishedAt, message);
  }

  RebuildProgress finished(Instant at, String why) {
    return new RebuildProgress(State.DONE, done, total, startedAt, at, why);
  }

  RebuildProgress failed(Instant at, String why) {
    return new RebuildProgress(State.FAILED, done, total, startedAt, at, why);
  }
}
