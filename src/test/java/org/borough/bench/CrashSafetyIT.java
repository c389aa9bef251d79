// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.borough.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12: nothing acknowledged is lost when the server dies. Borough's packaged jar runs as its
 * own process on a fresh database (H2 file or PostgreSQL, as the run's {@code borough.test.db}),
 * clients post Open311 reports, the process is killed with SIGKILL mid-stream, and every reference
 * it gave out must be in the CRM with its outbox event; after the restart the warehouse must agree
 * with the CRM. Then the warehouse file is damaged while the server is down, and the restarted
 * server must notice and rebuild it by itself. The long version is {@code bench/faults.sh}.
 */
class CrashSafetyIT {

  private static final Duration CONVERGE = Duration.ofSeconds(60);

  @Test
  void keepsEveryAcknowledgedReportWhenKilledAndTheWarehouseConverges() throws Exception {
    if (TestDatabase.postgres()) {
      Assumptions.assumeTrue(
          TestDatabase.postgresUrl() != null,
          () -> "PostgreSQL unreachable, skipping: " + TestDatabase.unavailableReason());
    }
    Path dataDir = Path.of("target", "it-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
    try (CrashScenario scenario = new CrashScenario(dataDir, TestDatabase.postgres())) {
      CrashRun.Outcome crash = scenario.crash(6, Duration.ofSeconds(6));
      System.out.println("Crash under load: " + crash.report());
      assertThat(crash.acknowledged()).as(crash.report()).hasSizeGreaterThan(20);
      assertThat(crash.lost()).as("acknowledged but lost: " + crash.report()).isEmpty();
      assertThat(crash.withoutEvent()).as(crash.report()).isEmpty();
      assertThat(crash.duplicates()).as(crash.report()).isEmpty();
      assertThat(scenario.restartAndAwaitAgreement(CONVERGE).path("repair").isNull()).isTrue();

      // A warehouse that lost a row it had applied can only be put right from the CRM.
      scenario.server().kill();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + scenario.warehouseFile());
          Statement s = c.createStatement()) {
        s.execute("delete from fact_case where case_key = (select min(case_key) from fact_case)");
      }
      JsonNode repaired = scenario.restartAndAwaitAgreement(CONVERGE);
      assertThat(repaired.path("repair").path("reason").asString())
          .contains("cases_opened_per_day");
    }
  }
}
