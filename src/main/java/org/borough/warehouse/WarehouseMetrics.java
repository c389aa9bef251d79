// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The warehouse's health as metrics (/actuator/metrics, for an operator's monitoring): how old the
 * figures are, the last data-test run's passes and failures (and each test's failing rows), and how
 * many events are quarantined. Read when scraped, from the last run the warehouse kept.
 */
@Component
class WarehouseMetrics implements MeterBinder {

  private final Warehouse warehouse;
  private final Clock clock;
  private volatile MultiGauge perTest;

  WarehouseMetrics(Warehouse warehouse, Clock clock) {
    this.warehouse = warehouse;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("borough.warehouse.freshness", this, WarehouseMetrics::ageSeconds)
        .description("Seconds since the loader last had read everything in the outbox")
        .baseUnit("seconds")
        .register(registry);
    for (boolean passed : new boolean[] {true, false}) {
      Gauge.builder("borough.warehouse.data.tests", this, m -> m.tests(passed))
          .description("Data tests in the last run, by result")
          .tag("result", passed ? "passed" : "failed")
          .register(registry);
    }
    perTest =
        MultiGauge.builder("borough.warehouse.data.test.failures")
            .description("Rows failing each data test in the last run")
            .register(registry);
    refreshPerTest();
    Gauge.builder("borough.warehouse.quarantined", this, WarehouseMetrics::quarantined)
        .description("Outbox events the loader could not apply, kept with their reason")
        .register(registry);
  }

  private double ageSeconds() {
    Instant asAt = warehouse.asAt();
    return asAt == null ? Double.NaN : Duration.between(asAt, clock.instant()).toMillis() / 1000.0;
  }

  private double tests(boolean passed) {
    return warehouse.latestDataTests().stream().filter(r -> r.passed() == passed).count();
  }

  /** One gauge per test of the last run; the set of tests can change with a run, so refreshed. */
  @Scheduled(fixedDelayString = "30s", initialDelayString = "30s")
  void refreshPerTest() {
    if (perTest == null) {
      return;
    }
    perTest.register(
        warehouse.latestDataTests().stream()
            .map(r -> MultiGauge.Row.of(Tags.of("test", r.name()), r.failures()))
            .toList(),
        true);
  }

  private double quarantined() {
    return warehouse.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("select count(*) from quarantine")) {
            rs.next();
            return (double) rs.getLong(1);
          }
        });
  }
}
