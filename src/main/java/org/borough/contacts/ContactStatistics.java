// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts;

import java.time.Instant;
import java.util.Map;
import org.borough.system.HourlyCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts straight from the CRM's contact table, for the warehouse's reconciliation. */
@Service
public class ContactStatistics {

  private final JdbcClient jdbc;

  ContactStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Contacts that occurred in each UTC hour that has any, keyed by the hour's start. */
  public Map<Instant, Long> occurredPerHour() {
    return HourlyCounts.of(jdbc, "contact", "occurred_at");
  }
}
