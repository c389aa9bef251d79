// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean the database could not be reached (answered 503), and which do not. */
class DatabaseUnavailableTests {

  @Test
  void aLostConnectionIsAnOutageWhereverItSits() {
    assertThat(
            DatabaseUnavailable.causedBy(
                new UncategorizedSQLException(
                    "insert", "insert ...", new SQLException("I/O error", "08006"))))
        .isTrue();
    assertThat(
            DatabaseUnavailable.causedBy(
                new RuntimeException(new SQLException("terminating connection", "57P01"))))
        .isTrue();
    // As the pool reports a rollback on a connection the database dropped (no SQL state).
    assertThat(
            DatabaseUnavailable.causedBy(
                new TransactionSystemException(
                    "JDBC rollback failed", new SQLException("Connection is closed"))))
        .isTrue();
  }

  @Test
  void aRefusedStatementIsNotAnOutage() {
    assertThat(
            DatabaseUnavailable.causedBy(
                new DataIntegrityViolationException(
                    "duplicate", new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("no SQL cause")))
        .isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
  }
}
