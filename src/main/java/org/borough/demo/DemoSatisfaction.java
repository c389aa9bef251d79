// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Random;
import java.util.UUID;

/**
 * Answers to the satisfaction question for the demo's resolved cases: about one reporter in five
 * answers, a day or two after the resolution, mostly satisfied, less so where the case took longer
 * than its deadline — so the report has a spread by service and channel to show.
 */
final class DemoSatisfaction {

  private static final int ANSWER_ONE_IN = 5;

  private DemoSatisfaction() {}

  /** Writes the answers in {@code connection}'s transaction; returns how many. */
  static long write(Connection connection, long seed) throws SQLException {
    Random random = Seeds.random(seed, Seeds.SATISFACTION, 0);
    long written = 0;
    try (Statement read = connection.createStatement();
        ResultSet rs =
            read.executeQuery(
                "select id, service_code, channel, resolved_at, due_at from service_case"
                    + " where resolved_at is not null and resident_id is not null"
                    + " and service_code not in ('complaint', 'foi-request', 'eir-request',"
                    + " 'councillor-enquiry') order by id");
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into case_feedback (case_id, rating, service_code, channel, given_at)"
                    + " values (?, ?, ?, ?, ?)")) {
      while (rs.next()) {
        if (random.nextInt(ANSWER_ONE_IN) != 0) {
          continue;
        }
        Timestamp resolved = rs.getTimestamp(4);
        boolean late = resolved.after(rs.getTimestamp(5));
        insert.setObject(1, rs.getObject(1, UUID.class));
        insert.setInt(2, rating(random, late));
        insert.setString(3, rs.getString(2));
        insert.setString(4, rs.getString(3));
        insert.setTimestamp(
            5, new Timestamp(resolved.getTime() + (1 + random.nextInt(48)) * 3_600_000L));
        insert.addBatch();
        if (++written % 1_000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return written;
  }

  /** 5 to 1: mostly 4s and 5s when on time; late cases lean to 2s and 3s. */
  private static int rating(Random random, boolean late) {
    int roll = random.nextInt(100);
    if (!late) {
      return roll < 45 ? 5 : roll < 80 ? 4 : roll < 90 ? 3 : roll < 97 ? 2 : 1;
    }
    return roll < 15 ? 5 : roll < 35 ? 4 : roll < 60 ? 3 : roll < 85 ? 2 : 1;
  }
}
