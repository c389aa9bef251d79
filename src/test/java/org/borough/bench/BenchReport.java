// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * What a benchmark harness reports: lines printed as it goes, a JSON summary, and its targets
 * compared with what was measured (reported, never asserted). Written to {@code <name>.json} and
 * {@code <name>.txt} under {@code <build dir>/bench/} unless {@code bench.out} says otherwise.
 */
final class BenchReport {

  final Map<String, Object> summary = new LinkedHashMap<>();
  private final StringBuilder text = new StringBuilder();
  private final Map<String, Object> targets = new LinkedHashMap<>();

  void say(String line) {
    System.out.println(line);
    text.append(line).append('\n');
  }

  void section(String title) {
    say("");
    say(title);
  }

  /** The summary value at a path of keys, or null when that part was not run. */
  @SuppressWarnings("unchecked")
  Object pathOf(String... keys) {
    Object at = summary;
    for (String k : keys) {
      if (!(at instanceof Map<?, ?> m)) {
        return null;
      }
      at = ((Map<String, Object>) m).get(k);
    }
    return at;
  }

  /** Adds a target: {@code atMost} for latencies, otherwise a rate to reach. */
  void target(String name, Object measured, double target, boolean atMost) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("measured", measured);
    t.put("target", target);
    t.put("atMost", atMost);
    t.put(
        "met",
        measured instanceof Number m
            ? (atMost ? m.doubleValue() <= target : m.doubleValue() >= target)
            : null);
    targets.put(name, t);
  }

  /** Prints the targets under {@code title} and puts them into the summary. */
  @SuppressWarnings("unchecked")
  void verdict(String title) {
    summary.put("targets", targets);
    section(title);
    targets.forEach(
        (k, v) -> {
          Map<String, Object> t = (Map<String, Object>) v;
          say(
              String.format(
                  Locale.UK,
                  "  %-24s measured %8s  target %s %-6s  %s",
                  k,
                  t.get("measured"),
                  Boolean.TRUE.equals(t.get("atMost")) ? "<=" : ">=",
                  t.get("target"),
                  t.get("met") == null
                      ? "not measured"
                      : Boolean.TRUE.equals(t.get("met")) ? "met" : "NOT MET"));
        });
  }

  void write(String name) throws IOException {
    String explicit = System.getProperty("bench.out");
    Path out =
        Path.of(
            explicit != null && !explicit.isBlank()
                ? explicit
                : System.getProperty("borough.build.dir", "target") + "/bench/" + name + ".json");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(
        out,
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
    Path txt = out.resolveSibling(out.getFileName().toString().replaceAll("\\.json$", "") + ".txt");
    Files.writeString(txt, text.toString(), StandardCharsets.UTF_8);
    say("\nWrote " + out.toAbsolutePath() + " and " + txt.toAbsolutePath());
  }

  static String setting(String name, String fallback) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  static int intSetting(String name, int fallback) {
    return Integer.parseInt(setting(name, String.valueOf(fallback)));
  }
}
