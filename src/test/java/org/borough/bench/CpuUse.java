// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the machine's CPU went, in CPU-seconds since boot, read from /proc: all of it, Borough's
 * process, PostgreSQL (every postgres process, with the backends that have ended, which the
 * postmaster has reaped), this harness, and its children (pgbench). Two snapshots give a phase's
 * split; what is left over is other people's work.
 */
record CpuUse(
    long wallNanos,
    double machine,
    double server,
    double postgres,
    double harness,
    double pgbench) {

  private static final double HZ = 100.0; // USER_HZ on Linux

  static CpuUse now(long serverPid) throws IOException {
    long[] self = times(ProcessHandle.current().pid());
    return new CpuUse(
        System.nanoTime(),
        machineBusy(),
        serverPid > 0 ? sum(times(serverPid), 0, 2) : 0,
        postgresCpu(),
        sum(self, 0, 2),
        sum(self, 2, 4));
  }

  /** The split between {@code earlier} and this snapshot. */
  Split since(CpuUse earlier) {
    double wall = (wallNanos - earlier.wallNanos) / 1e9;
    double busy = machine - earlier.machine;
    double srv = server - earlier.server;
    double pg = postgres - earlier.postgres;
    double h = harness - earlier.harness;
    double bench = pgbench - earlier.pgbench;
    return new Split(wall, srv, pg, h, bench, Math.max(0, busy - srv - pg - h - bench));
  }

  record Split(
      double wall, double server, double postgres, double harness, double pgbench, double other) {
    @Override
    public String toString() {
      return String.format(
          Locale.UK,
          "CPU-s of %.0f: Borough %.1f, PostgreSQL %.1f, harness %.1f, pgbench %.1f, other %.1f",
          wall * Runtime.getRuntime().availableProcessors(),
          server,
          postgres,
          harness,
          pgbench,
          other);
    }

    Map<String, Object> summary() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("wallSeconds", Latencies.round(wall));
      s.put("cores", Runtime.getRuntime().availableProcessors());
      s.put("borough", Latencies.round(server));
      s.put("postgres", Latencies.round(postgres));
      s.put("harness", Latencies.round(harness));
      s.put("pgbench", Latencies.round(pgbench));
      s.put("other", Latencies.round(other));
      return s;
    }
  }

  private static double machineBusy() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long ticks = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
      ticks += Long.parseLong(f[i]);
    }
    return ticks / HZ;
  }

  private static double postgresCpu() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().user().map("postgres"::equals).orElse(false))
        .mapToDouble(p -> sum(times(p.pid()), 0, 4))
        .sum();
  }

  /** utime, stime, cutime, cstime of a process in seconds; zeros when it has gone. */
  private static long[] times(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      return new long[] {
        Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])
      };
    } catch (IOException | RuntimeException gone) {
      return new long[4];
    }
  }

  private static double sum(long[] ticks, int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += ticks[i];
    }
    return s / HZ;
  }
}
