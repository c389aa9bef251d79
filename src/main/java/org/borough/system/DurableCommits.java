// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes every commit durable before Borough acknowledges the write it carries, on whichever
 * database the URL names (the embedded default, a council's own H2 URL, or PostgreSQL).
 *
 * <p>H2 by default writes committed transactions to its file up to 500 ms later ({@code
 * WRITE_DELAY}): a killed process lost about one in nine of the cases it had given references for
 * in the last seconds. With {@code WRITE_DELAY 0} each commit reaches the file before it returns.
 * The setting is the database's, not the session's, and H2 does not keep it across restarts, so it
 * is set on every new pooled connection.
 *
 * <p>PostgreSQL's {@code synchronous_commit = off} (a tempting tuning) lets a commit return before
 * its WAL is flushed, so a server crash loses acknowledged writes. Borough's own sessions always
 * set it back on, whatever postgresql.conf or the role says.
 */
final class DurableCommits implements BeanPostProcessor {

  private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

  static final String H2 = "SET WRITE_DELAY 0";
  static final String POSTGRESQL = "SET synchronous_commit TO on";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
      String statement = statementFor(hikari.getJdbcUrl());
      if (statement != null) {
        String given = hikari.getConnectionInitSql();
        hikari.setConnectionInitSql(
            given == null || given.isBlank() ? statement : given + "; " + statement);
      }
    }
    return bean;
  }

  /** The statement that makes this database's commits durable, or null for another database. */
  static String statementFor(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    return null;
  }

  /**
   * Whether a connection from this data source commits durably: H2's write delay is 0, or
   * PostgreSQL's synchronous_commit is anything but off. Logged at start, checked by the tests.
   */
  static boolean verify(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      String product = c.getMetaData().getDatabaseProductName();
      if ("H2".equals(product)) {
        try (ResultSet rs =
            s.executeQuery(
                "select setting_value from information_schema.settings"
                    + " where setting_name = 'WRITE_DELAY'")) {
          // H2 lists the setting twice (as given and as in effect): both must be 0.
          boolean durable = false;
          while (rs.next()) {
            durable = "0".equals(rs.getString(1));
            if (!durable) {
              break;
            }
          }
          log.info("H2 write delay is{} 0", durable ? "" : " not");
          return durable;
        }
      }
      if ("PostgreSQL".equals(product)) {
        try (ResultSet rs = s.executeQuery("show synchronous_commit")) {
          rs.next();
          String value = rs.getString(1);
          log.info("PostgreSQL synchronous_commit is {}", value);
          return !"off".equals(value);
        }
      }
      return true;
    }
  }
}
