// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's own load generator, run for a fixed time; its rate and mean latency read back. */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

  record Result(double tps, double latencyMs, String output) {}

  private Pgbench() {}

  /**
   * Runs {@code command} (pgbench and its options, split on spaces) with {@code -c clients -T
   * seconds} added.
   */
  static Result run(String command, int clients, int seconds)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
    args.addAll(1, List.of("-c", Integer.toString(clients), "-T", Integer.toString(seconds)));
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = p.waitFor();
    Matcher tps = TPS.matcher(output);
    Matcher latency = LATENCY.matcher(output);
    if (status != 0 || !tps.find()) {
      throw new IllegalStateException(
          String.join(" ", args) + " failed (exit " + status + "):\n" + output);
    }
    return new Result(
        Double.parseDouble(tps.group(1)),
        latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN,
        output);
  }
}
