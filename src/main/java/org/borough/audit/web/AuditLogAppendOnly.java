// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.web;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's counterpart of PostgreSQL's {@code audit_log_append_only()} and {@code append_only()}:
 * refuses every UPDATE and DELETE on the audit log, its chain and its checkpoints, whoever asks
 * (see the H2 migrations V19 and V29). H2 runs it inside the statement, so the statement fails and
 * changes nothing.
 */
public class AuditLogAppendOnly implements Trigger {

  private String table = "audit_log";

  @Override
  public void init(
      Connection connection,
      String schema,
      String trigger,
      String table,
      boolean before,
      int type) {
    this.table = table.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    // SQLSTATE 27000 "triggered data change violation", as PostgreSQL's trigger raises P0001.
    throw new SQLException(table + " is append-only", "27000");
  }
}
