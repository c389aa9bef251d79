// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A console progress bar, redrawn in place: {@code residents [#########-----] 62% 6,200/10,000}. It
 * goes to the console rather than the log, and redraws a few times a second at most.
 */
final class ProgressBar {

  private static final int WIDTH = 30;
  private static final long INTERVAL_NANOS = 300_000_000L;

  private final String label;
  private final long total;
  private final PrintStream out;
  private final long started = System.nanoTime();
  private long shownAt;
  private long shown = -1;

  ProgressBar(String label, long total, PrintStream out) {
    this.label = label;
    this.total = total;
    this.out = out;
  }

  void show(long done) {
    long t = System.nanoTime();
    if (done == shown || t - shownAt < INTERVAL_NANOS) {
      return;
    }
    shownAt = t;
    shown = done;
    out.print("\r" + line(done));
    out.flush();
  }

  void finish(long done) {
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    out.print(
        "\r" + line(done) + String.format(Locale.UK, " in %.1f s%n", took.toMillis() / 1000.0));
    out.flush();
  }

  String line(long done) {
    double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    return String.format(
        Locale.UK,
        "%-9s [%s%s] %3d%% %,d/%,d",
        label,
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        (int) Math.floor(fraction * 100),
        done,
        total);
  }
}
