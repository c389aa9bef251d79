// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.borough.cases.CaseBulkRead;
import org.borough.cases.CaseStatus;
import org.borough.system.BulkReadTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcCaseBulkRead implements CaseBulkRead {

  private static final int FETCH_SIZE = 10_000;

  private final JdbcTemplate jdbc;

  JdbcCaseBulkRead(DataSource dataSource) {
    this.jdbc = new BulkReadTemplate(dataSource, FETCH_SIZE);
  }

  @Override
  @Transactional(readOnly = true)
  public long caseCount() {
    return jdbc.queryForObject("select count(*) from service_case", Long.class);
  }

  @Override
  @Transactional(readOnly = true)
  public long statusChangeCount() {
    return jdbc.queryForObject(
        "select count(*) from case_timeline where kind = 'STATUS'", Long.class);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean any() {
    return !jdbc.queryForList("select id from service_case fetch first 1 rows only").isEmpty();
  }

  @Override
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

  @Override
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
