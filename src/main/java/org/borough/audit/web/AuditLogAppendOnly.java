// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.web;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's counterpart of PostgreSQL's {@code audit_log_append_only()}: refuses every UPDATE and DELETE
 * on {@code audit_log}, whoever asks (see the H2 migration V19). H2 runs it inside the statement,
 * so the statement fails and changes nothing.
 */
public class AuditLogAppendOnly implements Trigger {

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    // SQLSTATE 27000 "triggered data change violation", as PostgreSQL's trigger raises P0001.
    throw new SQLException("audit_log is append-only", "27000");
  }
}
