// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples ({@code jdk.ExecutionSample}) were taken: the methods on top
 * of the stack (self time), and the methods anywhere on it (total time, each counted once per
 * sample), with their share of all samples. Also runnable on its own: {@code java JfrTop.java
 * file.jfr}.
 */
final class JfrTop {

  private JfrTop() {}

  static List<String> summarise(Path recording, int top) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> libraries = new HashMap<>();
    Map<String, Integer> own = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (!frames.isEmpty()) {
        self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
        libraries.merge(library(frames.get(0).getMethod()), 1, Integer::sum);
      }
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f.getMethod());
        if (seen.add(n)) {
          total.merge(n, 1, Integer::sum);
          if (f.getMethod().getType().getName().startsWith("org.borough.")) {
            own.merge(n, 1, Integer::sum);
          }
        }
      }
      String thread = e.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("-?\\d+$", ""), 1, Integer::sum);
    }
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.UK, "  %d CPU samples", samples));
    lines.add("  by thread:");
    lines.addAll(ranked(threads, samples, 10));
    lines.add("  self time by library (the package on top of the stack):");
    lines.addAll(ranked(libraries, samples, 20));
    lines.add("  Borough's own methods, total (anywhere on the stack):");
    lines.addAll(ranked(own, samples, top));
    lines.add("  self (top of the stack):");
    lines.addAll(ranked(self, samples, top));
    lines.add("  total (anywhere on the stack):");
    lines.addAll(ranked(total, samples, top * 3));
    return lines;
  }

  private static List<String> ranked(Map<String, Integer> counts, int samples, int top) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .map(
            e ->
                String.format(
                    Locale.UK,
                    "    %5.1f%%  %s",
                    100.0 * e.getValue() / Math.max(1, samples),
                    e.getKey()))
        .toList();
  }

  /** The library a method belongs to, by its package: the first two or three parts. */
  static String library(RecordedMethod m) {
    String type = m.getType().getName();
    String[] parts = type.split("\\.");
    if (parts.length < 3) {
      return type;
    }
    boolean deep =
        parts[0].equals("org") && parts[1].equals("springframework")
            || parts[0].equals("org") && parts[1].equals("apache")
            || parts[0].equals("java")
            || parts[0].equals("jdk")
            || parts[0].equals("sun");
    return deep && parts.length > 3
        ? parts[0] + "." + parts[1] + "." + parts[2]
        : parts[0] + "." + parts[1];
  }

  private static String name(RecordedMethod m) {
    String type = m.getType().getName();
    return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + m.getName();
  }

  public static void main(String[] args) throws IOException {
    summarise(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 25)
        .forEach(System.out::println);
  }
}
