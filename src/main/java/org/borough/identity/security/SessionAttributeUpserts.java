// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Session attributes are written as upserts. Two requests of one session made at once (a browser's
 * first page and its first asset, two tabs) can each add the same attribute, the CSRF token say:
 * with Spring Session's plain INSERT the second failed on the primary key and its request answered
 * 500. On PostgreSQL, Spring Session's own customizer ({@code ON CONFLICT ... DO UPDATE}); on H2,
 * its {@code MERGE ... KEY}. The last writer's value stands, as it would in one process's memory.
 */
@Component
class SessionAttributeUpserts implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

  private static final String H2_MERGE =
      "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)"
          + " KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

  private final DataSource dataSource;

  SessionAttributeUpserts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void customize(JdbcIndexedSessionRepository repository) {
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database holds the sessions", e);
    }
    if ("PostgreSQL".equals(product)) {
      new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
    } else if ("H2".equals(product)) {
      repository.setCreateSessionAttributeQuery(H2_MERGE);
    }
  }
}
