// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SQL page for scripts: {@code POST /api/v1/warehouse/sql} with {@code {"sql": "select …"}}
 * answers the columns, at most {@code max-rows} rows and whether there were more; a refused or
 * failed query is a 400 problem whose {@code errors[0].reason} says why.
 */
@RestController
class SqlApiController {

  private final AnalystSql sql;

  SqlApiController(AnalystSql sql) {
    this.sql = sql;
  }

  record Query(String sql) {}

  /**
   * @param rows each row's values in column order: numbers, booleans, ISO-8601 times (UTC) and
   *     dates, and other values as text in DuckDB's own notation
   * @param truncated true when the query gives more rows than {@code maxRows}
   */
  record Answer(
      Instant asAt,
      List<AnalystQuery.Column> columns,
      List<List<Object>> rows,
      int rowCount,
      boolean truncated,
      int maxRows,
      long elapsedMillis) {}

  @PostMapping(
      value = "/api/v1/warehouse/sql",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('WAREHOUSE_READ')")
  Answer run(@RequestBody Query query) {
    AnalystSql.Run run = sql.run(query.sql());
    AnalystQuery.Result r = run.result();
    return new Answer(
        run.asAt(),
        r.columns(),
        r.rows(),
        r.rows().size(),
        r.truncated(),
        run.cap(),
        r.took().toMillis());
  }
}
