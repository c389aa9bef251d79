// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.borough.cases.CaseStatus;
import org.borough.system.WorkingCalendar;

/**
 * One row of {@code fact_case}, the accumulating snapshot, while a batch folds events into it. The
 * folding follows the CRM's own rules (CaseManagement): a move out of NEW is the first response,
 * resolving and closing stamp their times, a reopen clears them and counts.
 */
final class CaseFact {

  /** The columns of fact_case in table order, as read and appended. */
  static final String COLUMNS =
      "case_key, service_code, service_key, ward_code, ward_key, team_id, team_key,"
          + " channel_code, priority, resident_key, status, opened_at, opened_date_key, due_at,"
          + " due_date_key, first_response_at, first_response_date_key, resolved_at,"
          + " resolved_date_key, closed_at, closed_date_key, sla_breached_at, sla_met,"
          + " working_days_taken, times_reopened, last_position";

  /** The case's key, not its CRM id ({@link Pseudonyms#ofCase}). */
  UUID caseKey;

  String serviceCode;
  Long serviceKey;
  String wardCode;
  Long wardKey;
  UUID teamId;
  Long teamKey;
  String channel;
  String priority;
  UUID residentKey;
  String status;
  Instant openedAt;
  Instant dueAt;
  Instant firstResponseAt;
  Instant resolvedAt;
  Instant closedAt;
  Instant slaBreachedAt;
  int timesReopened;
  long lastPosition;

  /** A case as it was opened, with the keys of the dimension versions current now. */
  static CaseFact opened(
      UUID caseKey,
      String serviceCode,
      String wardCode,
      UUID teamId,
      String channel,
      String priority,
      UUID residentKey,
      Instant openedAt,
      Instant dueAt,
      Dimensions.Keys keys) {
    CaseFact f = new CaseFact();
    f.caseKey = caseKey;
    f.serviceCode = serviceCode;
    f.serviceKey = keys.service(serviceCode);
    f.wardCode = wardCode;
    f.wardKey = keys.ward(wardCode);
    f.teamId = teamId;
    f.teamKey = keys.team(teamId);
    f.channel = channel;
    f.priority = priority;
    f.residentKey = residentKey;
    f.status = CaseStatus.NEW.name();
    f.openedAt = openedAt;
    f.dueAt = dueAt;
    return f;
  }

  static CaseFact read(ResultSet rs) throws SQLException {
    CaseFact f = new CaseFact();
    f.caseKey = (UUID) rs.getObject("case_key");
    f.serviceCode = rs.getString("service_code");
    f.serviceKey = (Long) rs.getObject("service_key");
    f.wardCode = rs.getString("ward_code");
    f.wardKey = (Long) rs.getObject("ward_key");
    f.teamId = (UUID) rs.getObject("team_id");
    f.teamKey = (Long) rs.getObject("team_key");
    f.channel = rs.getString("channel_code");
    f.priority = rs.getString("priority");
    f.residentKey = (UUID) rs.getObject("resident_key");
    f.status = rs.getString("status");
    f.openedAt = Rows.instant(rs.getObject("opened_at"));
    f.dueAt = Rows.instant(rs.getObject("due_at"));
    f.firstResponseAt = Rows.instant(rs.getObject("first_response_at"));
    f.resolvedAt = Rows.instant(rs.getObject("resolved_at"));
    f.closedAt = Rows.instant(rs.getObject("closed_at"));
    f.slaBreachedAt = Rows.instant(rs.getObject("sla_breached_at"));
    f.timesReopened = rs.getInt("times_reopened");
    f.lastPosition = rs.getLong("last_position");
    return f;
  }

  void apply(LoadedEvent.StatusChange e) {
    status = e.to().name();
    if (e.to() == CaseStatus.RESOLVED) {
      resolvedAt = e.at();
    } else if (e.to() == CaseStatus.CLOSED) {
      closedAt = e.at();
    } else if (e.reopened()) {
      resolvedAt = null;
      closedAt = null;
      timesReopened++;
    }
    if (e.dueAt() != null && !e.dueAt().equals(dueAt)) {
      if (slaBreachedAt != null && e.dueAt().isAfter(e.at())) {
        slaBreachedAt = null; // time on hold moved the deadline past now, as in the CRM
      }
      dueAt = e.dueAt();
    }
    if (firstResponseAt == null && e.from() == CaseStatus.NEW) {
      firstResponseAt = e.at();
    }
    lastPosition = e.position();
  }

  /** The row to append; derived columns are computed here from the folded state. */
  Object[] row(ZoneId zone, WorkingCalendar calendar) {
    Boolean slaMet = resolvedAt == null || dueAt == null ? null : !resolvedAt.isAfter(dueAt);
    Integer workingDays =
        resolvedAt == null
            ? null
            : calendar.workingDaysBetween(
                DateKeys.of(zone).date(openedAt), DateKeys.of(zone).date(resolvedAt));
    return new Object[] {
      caseKey,
      serviceCode,
      serviceKey,
      wardCode,
      wardKey,
      teamId,
      teamKey,
      channel,
      priority,
      residentKey,
      status,
      openedAt,
      Rows.dateKey(openedAt, zone),
      dueAt,
      Rows.dateKey(dueAt, zone),
      firstResponseAt,
      Rows.dateKey(firstResponseAt, zone),
      resolvedAt,
      Rows.dateKey(resolvedAt, zone),
      closedAt,
      Rows.dateKey(closedAt, zone),
      slaBreachedAt,
      slaMet,
      workingDays,
      timesReopened,
      lastPosition
    };
  }
}
