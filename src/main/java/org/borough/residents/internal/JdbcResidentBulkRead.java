// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents.internal;

import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.borough.residents.ResidentBulkRead;
import org.borough.system.BulkReadTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcResidentBulkRead implements ResidentBulkRead {

  private final JdbcTemplate jdbc;

  JdbcResidentBulkRead(DataSource dataSource) {
    this.jdbc = new BulkReadTemplate(dataSource, 10_000);
  }

  @Override
  @Transactional(readOnly = true)
  public long count() {
    return jdbc.queryForObject("select count(*) from resident", Long.class);
  }

  @Override
  @Transactional(readOnly = true)
  public void forEach(Consumer<Row> each) {
    jdbc.query(
        "select r.id, a.ward_code, r.created_at, r.merged_into from resident r left join"
            + " (select resident_id, min(ward_code) as ward_code from resident_address"
            + " where is_primary group by resident_id) a on a.resident_id = r.id"
            // An erased resident is not in the warehouse at all (ResidentErased).
            + " where r.erased_at is null",
        rs -> {
          each.accept(
              new Row(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  BulkReadTemplate.instant(rs, 3),
                  rs.getObject(4, UUID.class)));
        });
  }
}
