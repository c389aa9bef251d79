// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.time.Instant;
import java.util.Map;
import org.borough.cases.CaseStatistics;
import org.borough.system.HourlyCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCaseStatistics implements CaseStatistics {

  private final JdbcClient jdbc;

  JdbcCaseStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<Instant, Long> openedPerHour() {
    return HourlyCounts.of(jdbc, "service_case", "opened_at");
  }
}
