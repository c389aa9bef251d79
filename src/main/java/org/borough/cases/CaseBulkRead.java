// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.borough.system.BulkReadTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every case and every status change as they stand, streamed row by row, for derived stores such as
 * the warehouse that rebuild themselves from the CRM's current state. Ids and codes only: no
 * description, address or note leaves the module this way.
 *
 * <p>Rows are streamed with a large fetch size inside a read-only transaction, so millions of cases
 * cost one query and constant memory. Call it inside the caller's own transaction to read several
 * modules from one snapshot.
 */
@Service
public class CaseBulkRead {

  private static final int FETCH_SIZE = 10_000;

  private final JdbcTemplate jdbc;

  CaseBulkRead(DataSource dataSource) {
    this.jdbc = new BulkReadTemplate(dataSource, FETCH_SIZE);
  }

  /** A case's current state: the columns an accumulating snapshot needs. */
  public record Case(
      UUID id,
      String reference,
      String serviceCode,
      UUID residentId,
      String wardCode,
      UUID teamId,
      String channel,
      String priority,
      CaseStatus status,
      Instant openedAt,
      Instant dueAt,
      Instant firstResponseAt,
      Instant resolvedAt,
      Instant closedAt,
      Instant slaBreachedAt,
      int timesReopened) {}

  /** One move from a status to another, from the case's timeline. */
  public record StatusChange(UUID caseId, Instant at, CaseStatus from, CaseStatus to) {
    public boolean reopened() {
      return from.isReopenTo(to);
    }
  }

  /** How many cases there are. */
  @Transactional(readOnly = true)
  public long caseCount() {
    return jdbc.queryForObject("select count(*) from service_case", Long.class);
  }

  /** How many status changes there are, over all cases. */
  @Transactional(readOnly = true)
  public long statusChangeCount() {
    return jdbc.queryForObject(
        "select count(*) from case_timeline where kind = 'STATUS'", Long.class);
  }

  /** Whether there is any case at all (cheap, unlike a count). */
  @Transactional(readOnly = true)
  public boolean any() {
    return !jdbc.queryForList("select id from service_case fetch first 1 rows only").isEmpty();
  }

  /** Calls {@code each} with every case, in no particular order. */
  @Transactional(readOnly = true)
  public void forEachCase(Consumer<Case> each) {
    jdbc.query(
        "select id, reference, service_code, resident_id, ward_code, team_id, channel, priority,"
            + " status, opened_at, due_at, first_response_at, resolved_at, closed_at,"
            + " sla_breached_at, times_reopened from service_case",
        rs -> {
          each.accept(
              new Case(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, UUID.class),
                  rs.getString(5),
                  rs.getObject(6, UUID.class),
                  rs.getString(7),
                  rs.getString(8),
                  CaseStatus.valueOf(rs.getString(9)),
                  BulkReadTemplate.instant(rs, 10),
                  BulkReadTemplate.instant(rs, 11),
                  BulkReadTemplate.instant(rs, 12),
                  BulkReadTemplate.instant(rs, 13),
                  BulkReadTemplate.instant(rs, 14),
                  BulkReadTemplate.instant(rs, 15),
                  rs.getInt(16)));
        });
  }

  /** Calls {@code each} with every status change of every case, in no particular order. */
  @Transactional(readOnly = true)
  public void forEachStatusChange(Consumer<StatusChange> each) {
    jdbc.query(
        "select case_id, at, from_status, to_status from case_timeline where kind = 'STATUS'",
        rs -> {
          each.accept(
              new StatusChange(
                  rs.getObject(1, UUID.class),
                  BulkReadTemplate.instant(rs, 2),
                  CaseStatus.valueOf(rs.getString(3)),
                  CaseStatus.valueOf(rs.getString(4))));
        });
  }
}
