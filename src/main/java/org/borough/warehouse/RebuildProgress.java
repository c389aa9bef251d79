// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Instant;

/** How far a rebuild has got: outbox position reached out of the position it aims for. */
record RebuildProgress(
    State state,
    long position,
    long target,
    Instant startedAt,
    Instant finishedAt,
    String message) {

  enum State {
    IDLE,
    RUNNING,
    DONE,
    FAILED
  }

  static final RebuildProgress IDLE = new RebuildProgress(State.IDLE, 0, 0, null, null, null);

  static RebuildProgress started(Instant at, long target) {
    return new RebuildProgress(State.RUNNING, 0, target, at, null, null);
  }

  public boolean running() {
    return state == State.RUNNING;
  }

  /** Whole percent done, 0 to 100. */
  public int percent() {
    if (state == State.DONE) {
      return 100;
    }
    return target <= 0 ? 0 : (int) Math.min(100, position * 100 / target);
  }

  RebuildProgress at(long reached) {
    return new RebuildProgress(state, reached, target, startedAt, finishedAt, message);
  }

  RebuildProgress finished(Instant at, String why) {
    return new RebuildProgress(State.DONE, position, target, startedAt, at, why);
  }

  RebuildProgress failed(Instant at, String why) {
    return new RebuildProgress(State.FAILED, position, target, startedAt, at, why);
  }
}
