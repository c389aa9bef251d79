// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.borough.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A council upgrading keeps its outbox: rows stored under the old class names are renamed to the
 * declared names the consumers now match on, and a name Borough never used is left alone.
 */
class EventTypeMigrationIT {

  @Test
  void storedRowsTakeTheirDeclaredNames() throws SQLException {
    String url = TestDatabase.fresh();
    migrate(url, "44");
    try (Connection c = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
        Statement s = c.createStatement()) {
      for (String type :
          List.of("CaseOpened", "ResidentsMerged", "NotificationSent", "Elsewhere")) {
        s.execute(
            "insert into outbox_event (event_type, aggregate_type, aggregate_id, occurred_at,"
                + " payload) values ('"
                + type
                + "', 'case', 'x', current_timestamp, '{}')");
      }
    }

    migrate(url, "latest");

    List<String> types = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select event_type from outbox_event order by position")) {
      while (rs.next()) {
        types.add(rs.getString(1));
      }
    }
    assertThat(types)
        .containsExactly(
            "case.opened.v1", "resident.merged.v1", "case.notification-sent.v1", "Elsewhere");
  }

  private static void migrate(String url, String target) {
    Flyway.configure()
        .dataSource(url, TestDatabase.USER, TestDatabase.PASSWORD)
        .locations(TestDatabase.migrations())
        .target(target)
        .load()
        .migrate();
  }
}
