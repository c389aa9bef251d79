// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.Map;
import org.borough.system.HourlyCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts straight from the CRM's case table, for the warehouse's reconciliation. */
@Service
public class CaseStatistics {

  private final JdbcClient jdbc;

  CaseStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Cases opened in each UTC hour that has any, keyed by the hour's start. */
  public Map<Instant, Long> openedPerHour() {
    return HourlyCounts.of(jdbc, "service_case", "opened_at");
  }
}
