// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every latency of one kind of request, kept whole so percentiles are exact (nearest rank on the
 * sorted values), not estimated. A benchmark run records a few thousand values per kind, so keeping
 * them all costs nothing. Thread-safe.
 */
final class Latencies {

  private final String name;
  private long[] micros = new long[1024];
  private int count;
  private int errors;

  Latencies(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  synchronized void record(long nanos, boolean ok) {
    if (count == micros.length) {
      micros = Arrays.copyOf(micros, count * 2);
    }
    micros[count++] = nanos / 1_000;
    if (!ok) {
      errors++;
    }
  }

  /** Adds everything {@code other} recorded to this one (for an overall line). */
  void merge(Latencies other) {
    long[] theirs;
    int n;
    int e;
    synchronized (other) {
      theirs = Arrays.copyOf(other.micros, other.count);
      n = other.count;
      e = other.errors;
    }
    synchronized (this) {
      for (int i = 0; i < n; i++) {
        record(theirs[i] * 1_000, true);
      }
      errors += e;
    }
  }

  synchronized int count() {
    return count;
  }

  synchronized int errors() {
    return errors;
  }

  /** The p-th percentile in milliseconds, nearest rank; NaN when nothing was recorded. */
  synchronized double percentileMs(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1000.0;
  }

  synchronized double meanMs() {
    if (count == 0) {
      return Double.NaN;
    }
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += micros[i];
    }
    return sum / 1000.0 / count;
  }

  /** n, errors, mean, p50, p95, p99 and max, in milliseconds rounded to 0.01. */
  Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("n", count());
    s.put("errors", errors());
    s.put("meanMs", round(meanMs()));
    s.put("p50Ms", round(percentileMs(50)));
    s.put("p95Ms", round(percentileMs(95)));
    s.put("p99Ms", round(percentileMs(99)));
    s.put("maxMs", round(percentileMs(100)));
    return s;
  }

  String line() {
    return String.format(
        java.util.Locale.UK,
        "  %-34s %6d %6d %8.1f %8.1f %8.1f %8.1f %8.1f",
        name,
        count(),
        errors(),
        meanMs(),
        percentileMs(50),
        percentileMs(95),
        percentileMs(99),
        percentileMs(100));
  }

  static String header() {
    return String.format(
        java.util.Locale.UK,
        "  %-34s %6s %6s %8s %8s %8s %8s %8s",
        "",
        "n",
        "errors",
        "mean ms",
        "p50",
        "p95",
        "p99",
        "max");
  }

  static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 100.0) / 100.0;
  }
}
