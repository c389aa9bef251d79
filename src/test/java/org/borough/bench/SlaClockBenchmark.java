// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.borough.cases.SlaClock;
import org.borough.catalogue.SlaPolicy;
import org.borough.system.BankHolidays;
import org.borough.system.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long the SLA clock takes to set a deadline, which every case creation (and 2M demo cases)
 * pays. Not part of the build: run it with {@code ./mvnw test -Dtest=SlaClockBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; results go in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SlaClockBenchmark {

  private final WorkingCalendar calendar =
      new WorkingCalendar(
          BankHolidays.bundled(),
          ZoneId.of("Europe/London"),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0));
  private final SlaClock clock = new SlaClock(calendar);
  private final SlaPolicy tenDays =
      new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, Set.of("ON_HOLD"));
  private final SlaPolicy fourHours =
      new SlaPolicy(4, SlaPolicy.Unit.WORKING_HOURS, 75, Set.of("ON_HOLD"));
  private final Instant friday = Instant.parse("2025-12-19T15:30:00Z");

  @Benchmark
  public SlaClock.Deadline tenWorkingDaysOverChristmas() {
    return clock.start(tenDays, friday);
  }

  @Benchmark
  public SlaClock.Deadline fourWorkingHoursOverAWeekend() {
    return clock.start(fourHours, friday);
  }

  @Benchmark
  public SlaClock.Deadline resumeAfterAWeekOnHold() {
    return clock.resume(clock.start(tenDays, friday), friday, friday.plusSeconds(7 * 24 * 3600));
  }

  /** Runs in the test JVM (no fork): fine for relative numbers, say so when quoting them. */
  @Test
  void run() throws Exception {
    new Runner(
            new OptionsBuilder()
                .include(SlaClockBenchmark.class.getName() + ".*")
                .forks(0)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .build())
        .run();
  }
}
