// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the data-quality page and its JSON show: freshness, the latest data-test run with each
 * result, the history of runs, the quarantined events, and a rebuild the warehouse started by
 * itself since the server started ({@link SelfRepair}). Payloads are not shown: they hold ids.
 */
record DataQualityReport(
    Instant asAt,
    long appliedPosition,
    long outboxPosition,
    int openGaps,
    Run latest,
    List<Test> results,
    List<Run> history,
    long quarantined,
    List<Quarantined> recentQuarantine,
    SelfRepair.Notice repair) {

  record Run(long runId, Instant at, long position, int passed, int failed) {}

  record Test(String name, String kind, long failures, String sample, boolean passed) {}

  record Quarantined(long position, String eventType, String reason, Instant at) {}

  static final int HISTORY = 20;
  static final int QUARANTINE = 50;

  static DataQualityReport read(
      Connection c,
      Instant asAt,
      OutboxLoader.State state,
      long outboxPosition,
      SelfRepair.Notice repair)
      throws SQLException {
    List<Run> history = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "select run_id, started_at, high_position, passed, failed from dq_run"
                + " order by run_id desc limit "
                + HISTORY)) {
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          history.add(
              new Run(
                  rs.getLong(1),
                  Rows.instant(rs.getObject(2)),
                  rs.getLong(3),
                  rs.getInt(4),
                  rs.getInt(5)));
        }
      }
    }
    Run latest = history.isEmpty() ? null : history.get(0);
    List<Test> results = new ArrayList<>();
    if (latest != null) {
      try (PreparedStatement p =
          c.prepareStatement(
              "select test_name, kind, failures, sample from dq_result where run_id = ?"
                  + " order by failures = 0, test_name")) {
        p.setLong(1, latest.runId());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            results.add(
                new Test(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getLong(3) == 0));
          }
        }
      }
    }
    long quarantined;
    List<Quarantined> recent = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("select count(*) from quarantine");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      quarantined = rs.getLong(1);
    }
    try (PreparedStatement p =
            c.prepareStatement(
                "select position, event_type, reason, quarantined_at from quarantine"
                    + " order by position desc limit "
                    + QUARANTINE);
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        recent.add(
            new Quarantined(
                rs.getLong(1), rs.getString(2), rs.getString(3), Rows.instant(rs.getObject(4))));
      }
    }
    return new DataQualityReport(
        asAt,
        state.highPosition(),
        outboxPosition,
        state.openGaps(),
        latest,
        results,
        history,
        quarantined,
        recent,
        repair);
  }
}
