// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row counts per UTC hour of a timestamp column, for reconciling the warehouse with the CRM. Hours
 * rather than days, so that callers fold them into days in the council's zone (whose offsets are
 * whole hours) without date arithmetic that differs between H2 and PostgreSQL.
 */
public final class HourlyCounts {

  private HourlyCounts() {}

  /**
   * @param table a table name written in code, never user input
   * @param column a {@code timestamp with time zone} column of it
   * @return the count in each hour that has any, keyed by the hour's start
   */
  public static Map<Instant, Long> of(JdbcClient jdbc, String table, String column) {
    Map<Instant, Long> counts = new TreeMap<>();
    String hour = "date_trunc('hour', " + column + ")";
    jdbc.sql("select " + hour + ", count(*) from " + table + " group by " + hour)
        .query(
            rs -> {
              counts.merge(
                  rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2), Long::sum);
            });
    return counts;
  }
}
