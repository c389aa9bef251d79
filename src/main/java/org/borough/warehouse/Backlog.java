// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.borough.cases.CaseStatus;
import org.duckdb.DuckDBConnection;

/**
 * The daily backlog snapshot: after each load, today's row set is replaced by the active cases as
 * they stand now, so the last load of a day leaves that day's end-of-day backlog. Past days are
 * never recomputed: a periodic snapshot records what was, which the accumulating case fact cannot.
 */
final class Backlog {

  private static final String ACTIVE =
      CaseStatus.activeStatuses().stream()
          .map(s -> "'" + s.name() + "'")
          .sorted()
          .collect(Collectors.joining(", "));

  private Backlog() {}

  static void snapshot(DuckDBConnection c, Instant now, ZoneId zone) throws SQLException {
    int today = Rows.dateKey(now, zone);
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    try (PreparedStatement delete =
        c.prepareStatement("delete from fact_backlog_daily where date_key = ?")) {
      delete.setInt(1, today);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into fact_backlog_daily select ?, service_code, team_id, ward_code, count(*),"
                + " count(*) filter (where due_at < ?), ? from fact_case where status in ("
                + ACTIVE
                + ") group by service_code, team_id, ward_code")) {
      insert.setInt(1, today);
      insert.setObject(2, at);
      insert.setObject(3, at);
      insert.executeUpdate();
    }
  }
}
