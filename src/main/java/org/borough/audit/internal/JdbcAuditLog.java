// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.system.Actors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Audit entries in the CRM database; on PostgreSQL a trigger refuses updates and deletes. */
@Component
class JdbcAuditLog implements AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcAuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void record(AuditAction action, String subjectType, String subjectId, String detail) {
    recordAs(actor(), action, subjectType, subjectId, detail);
  }

  @Override
  public void recordAs(
      String actor, AuditAction action, String subjectType, String subjectId, String detail) {
    jdbc.sql(
            "insert into audit_log (at, actor, action, subject_type, subject_id, detail,"
                + " remote_address) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            Timestamp.from(clock.instant()),
            actor,
            action.name(),
            subjectType,
            subjectId,
            detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000),
            remoteAddress())
        .update();
  }

  private static String actor() {
    return Actors.current();
  }

  private static String remoteAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  @Override
  public List<Entry> read(AuditQuery q) {
    StringBuilder sql =
        new StringBuilder("select " + columns("audit_log") + " from audit_log where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (q.subjectType() != null) {
      sql.append(" and subject_type = ?");
      params.add(q.subjectType());
    }
    if (q.subjectId() != null) {
      sql.append(" and subject_id = ?");
      params.add(q.subjectId());
    }
    if (q.actor() != null) {
      sql.append(" and actor = ?");
      params.add(q.actor());
    }
    if (q.from() != null) {
      sql.append(" and at >= ?");
      params.add(Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      sql.append(" and at < ?");
      params.add(Timestamp.from(q.to()));
    }
    if (q.beforeId() != null) {
      sql.append(" and id < ?");
      params.add(q.beforeId());
    }
    sql.append(" order by id desc fetch first ? rows only");
    params.add(q.limit());
    return jdbc.sql(sql.toString()).params(params).query((rs, i) -> entry(rs, 1)).list();
  }

  /** An entry's columns of {@code table} (or its alias), in the order {@link #entry} reads them. */
  static String columns(String table) {
    return Stream.of(
            "id", "at", "actor", "action", "subject_type", "subject_id", "detail", "remote_address")
        .map(column -> table + "." + column)
        .collect(Collectors.joining(", "));
  }

  /** The entry whose {@link #columns} start at column {@code first}. */
  static Entry entry(ResultSet rs, int first) throws SQLException {
    return new Entry(
        rs.getLong(first),
        rs.getTimestamp(first + 1).toInstant(),
        rs.getString(first + 2),
        AuditAction.valueOf(rs.getString(first + 3)),
        rs.getString(first + 4),
        rs.getString(first + 5),
        rs.getString(first + 6),
        rs.getString(first + 7));
  }
}
