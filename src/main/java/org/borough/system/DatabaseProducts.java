// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Which database the CRM is on, for the few places that must speak its dialect (snapshot isolation,
 * bulk inserts, table sizes). Everything else is written once for both.
 */
public final class DatabaseProducts {

  private DatabaseProducts() {}

  /** Whether the connection is to PostgreSQL (otherwise the embedded H2). */
  public static boolean isPostgres(Connection connection) throws SQLException {
    return connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .contains("postgres");
  }

  /**
   * Whether the data source is PostgreSQL.
   *
   * @throws IllegalStateException when no connection can be had to ask
   */
  public static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return isPostgres(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database the CRM is on", e);
    }
  }
}
