// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Issue 12's soak criteria, each comparing the first windows of a run with its last ones (five
 * minutes of each in the 30-minute run; a third of a short run): p95 within 20%, heap after GC
 * within 10%, no growth in threads, pooled connections or open files, and an outbox that pruning
 * keeps steady in rows and on disk. Readings are compared by their median over those windows, so
 * one burst (a probe's full GC holds requests back, and the server opens threads and sockets to
 * catch up) does not read as growth, and a little slack is allowed for pools that breathe; a leak
 * of one per request or one per minute exceeds it within minutes.
 */
final class SoakVerdict {

  static final double P95_TOLERANCE = 0.20;
  static final double HEAP_TOLERANCE = 0.10;
  static final int THREAD_SLACK = 5;
  static final int CONNECTION_SLACK = 0;
  static final int FILE_SLACK = 10;

  /**
   * The outbox holds what was written within its retention (and the prune interval after it): at a
   * steady load that is a steady number of rows, give or take how the last prune fell.
   */
  static final double OUTBOX_TOLERANCE = 0.20;

  static final int OUTBOX_ROW_SLACK = 1_000;
  static final double OUTBOX_MB_SLACK = 1.0;

  /** One criterion: what was compared, and whether it held. */
  record Criterion(String name, double first, double last, String rule, boolean met) {

    String line() {
      return String.format(
          Locale.UK,
          "  %-26s first %9.1f  last %9.1f  %-28s %s",
          name,
          first,
          last,
          rule,
          met ? "met" : "NOT MET");
    }
  }

  private final List<SoakRun.Window> first;
  private final List<SoakRun.Window> last;

  SoakVerdict(List<SoakRun.Window> windows) {
    int k = Math.max(1, Math.min(5, windows.size() / 3));
    this.first = windows.subList(0, k);
    this.last = windows.subList(windows.size() - k, windows.size());
  }

  int windowsCompared() {
    return first.size();
  }

  Criterion p95() {
    double a = merged(first).percentileMs(95);
    double b = merged(last).percentileMs(95);
    return new Criterion("p95 ms", a, b, "last <= first + 20%", b <= a * (1 + P95_TOLERANCE));
  }

  Criterion heap() {
    double a = median(first, s -> s.heapAfterGcMb());
    double b = median(last, s -> s.heapAfterGcMb());
    return new Criterion(
        "heap after GC, MB",
        a,
        b,
        "last <= first + 10%",
        allTaken() && b <= a * (1 + HEAP_TOLERANCE));
  }

  Criterion threads() {
    return growth("threads, not request pool", s -> s.threads(), THREAD_SLACK);
  }

  Criterion connections() {
    return growth("open DB connections", s -> s.totalConnections(), CONNECTION_SLACK);
  }

  Criterion openFiles() {
    return growth("open file descriptors", s -> s.openFiles(), FILE_SLACK);
  }

  Criterion outboxRows() {
    return steady("outbox rows", s -> s.outboxRows(), OUTBOX_ROW_SLACK, "1,000");
  }

  Criterion outboxDisk() {
    return steady("outbox on disk, MB", s -> s.outboxMb(), OUTBOX_MB_SLACK, "1 MB");
  }

  /** Every criterion, timing ones first. */
  List<Criterion> all() {
    return List.of(
        p95(), heap(), threads(), connections(), openFiles(), outboxRows(), outboxDisk());
  }

  /**
   * Those that do not depend on how fast a shared machine happens to be, nor on how long the run
   * is. The outbox's size on disk is not one: on PostgreSQL deleted rows are space only autovacuum
   * gives back for reuse, which a run of two minutes may not see, so only the long run judges it.
   */
  List<Criterion> resources() {
    return List.of(threads(), connections(), openFiles(), outboxRows());
  }

  private Criterion steady(
      String name, ToDoubleFunction<ServerProbe.Sample> reading, double slack, String slackText) {
    double a = median(first, reading);
    double b = median(last, reading);
    return new Criterion(
        name,
        a,
        b,
        "last <= first + 20% + " + slackText,
        allTaken() && b <= a * (1 + OUTBOX_TOLERANCE) + slack);
  }

  private Criterion growth(String name, ToDoubleFunction<ServerProbe.Sample> reading, int slack) {
    double a = median(first, reading);
    double b = median(last, reading);
    return new Criterion(name, a, b, "last <= first + " + slack, allTaken() && b <= a + slack);
  }

  /** Readings the server did not answer count against every resource criterion. */
  private boolean allTaken() {
    return first.stream().allMatch(w -> w.sample().taken())
        && last.stream().allMatch(w -> w.sample().taken());
  }

  private static Latencies merged(List<SoakRun.Window> windows) {
    Latencies all = new Latencies("merged");
    windows.forEach(w -> all.merge(w.latencies()));
    return all;
  }

  private static double median(
      List<SoakRun.Window> windows, ToDoubleFunction<ServerProbe.Sample> reading) {
    double[] values =
        windows.stream()
            .map(SoakRun.Window::sample)
            .filter(ServerProbe.Sample::taken)
            .mapToDouble(reading)
            .toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(values);
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  /** The per-window table: latencies and readings. */
  static List<String> table(SoakRun.Result result) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.UK,
            "  %6s %6s %6s %8s %8s %8s %10s %7s %6s %5s %8s %9s %8s",
            "window",
            "n",
            "errors",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "heap MB",
            "threads",
            "conns",
            "fds",
            "outbox",
            "outbox MB",
            "pruned"));
    lines.add(row("warm", null, result.baseline()));
    for (SoakRun.Window w : result.windows()) {
      lines.add(row(Integer.toString(w.number()), w.latencies(), w.sample()));
    }
    return lines;
  }

  private static String row(String label, Latencies l, ServerProbe.Sample s) {
    String latencies =
        String.format(
            Locale.UK,
            "  %6s %6s %6s %8s %8s %8s",
            label,
            l == null ? "" : l.count(),
            l == null ? "" : l.errors(),
            l == null ? "" : ms(l.percentileMs(50)),
            l == null ? "" : ms(l.percentileMs(95)),
            l == null ? "" : ms(l.percentileMs(99)));
    if (!s.taken()) {
      return latencies + "  probe failed: " + s.failure();
    }
    return latencies
        + String.format(
            Locale.UK,
            " %10.1f %7d %3d/%-2d %5d %8d %9.1f %8d",
            s.heapAfterGcMb(),
            s.threads(),
            s.activeConnections(),
            s.totalConnections(),
            s.openFiles(),
            s.outboxRows(),
            s.outboxMb(),
            s.outboxRowsPruned());
  }

  private static String ms(double v) {
    return String.format(Locale.UK, "%.1f", v);
  }
}
