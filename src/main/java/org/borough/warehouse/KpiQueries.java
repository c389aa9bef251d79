// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Runs a KPI's query, or its drill-down, with the filters bound as parameters. */
final class KpiQueries {

  private KpiQueries() {}

  /** The rows of a KPI: values typed by its columns, and the total row if it has one. */
  record Result(List<List<Object>> rows, List<Object> total) {}

  /**
   * One case behind a KPI's row, as the drill-down lists it: by its key in the warehouse, and with
   * its reference only when the CRM gave it to someone who may read cases.
   */
  record CaseLine(
      UUID caseKey,
      String reference,
      String service,
      String serviceName,
      String ward,
      String wardName,
      String team,
      String teamName,
      String channel,
      String status,
      Instant openedAt,
      Instant dueAt,
      Instant resolvedAt,
      Boolean slaMet,
      Integer workingDaysTaken,
      int timesReopened,
      Integer ageDays) {

    CaseLine withReference(String reference) {
      return new CaseLine(
          caseKey,
          reference,
          service,
          serviceName,
          ward,
          wardName,
          team,
          teamName,
          channel,
          status,
          openedAt,
          dueAt,
          resolvedAt,
          slaMet,
          workingDaysTaken,
          timesReopened,
          ageDays);
    }
  }

  static Result run(Connection c, Kpis.Kpi kpi, KpiFilters f, Instant now, ZoneId zone)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    List<Object> total = null;
    try (PreparedStatement p = c.prepareStatement(kpi.sql(f))) {
      bind(p, kpi, f, now, zone, null);
      try (ResultSet rs = p.executeQuery()) {
        int n = kpi.columns().size();
        boolean hasTotal = rs.getMetaData().getColumnCount() > n;
        while (rs.next()) {
          List<Object> row = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            row.add(value(rs.getObject(i + 1), kpi.columns().get(i).type()));
          }
          if (hasTotal && rs.getBoolean(n + 1)) {
            total = row;
          } else {
            rows.add(row);
          }
        }
      }
    }
    return new Result(rows, total);
  }

  /** The cases behind the row of {@code kpi} whose first column is {@code key}. */
  static List<CaseLine> drill(
      Connection c, Kpis.Kpi kpi, String key, KpiFilters f, Instant now, ZoneId zone)
      throws SQLException {
    List<CaseLine> lines = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(kpi.drillSql(f))) {
      bind(p, kpi, f, now, zone, key == null ? "" : key);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          lines.add(
              new CaseLine(
                  (UUID) rs.getObject(1),
                  null,
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  Rows.instant(rs.getObject(10)),
                  Rows.instant(rs.getObject(11)),
                  Rows.instant(rs.getObject(12)),
                  (Boolean) rs.getObject(13),
                  (Integer) rs.getObject(14),
                  rs.getInt(15),
                  rs.getObject(16) == null ? null : ((Number) rs.getObject(16)).intValue()));
        }
      }
    }
    return lines;
  }

  /**
   * Binds $1 to $8 (and $9, the drill-down key): a filter that does not apply to the KPI is bound
   * as null, which the queries read as "all".
   */
  private static void bind(
      PreparedStatement p, Kpis.Kpi kpi, KpiFilters f, Instant now, ZoneId zone, String key)
      throws SQLException {
    List<Object> values = parameters(kpi, f, now, zone, key);
    for (int i = 0; i < values.size(); i++) {
      p.setObject(i + 1, values.get(i));
    }
  }

  /**
   * The values of $1 to $8 (and $9 when {@code key} is not null), in order; public to the module so
   * that the Spark comparison can bind the same values (ParquetExportIT).
   */
  static List<Object> parameters(Kpis.Kpi kpi, KpiFilters f, Instant now, ZoneId zone, String key) {
    var applies = kpi.filters();
    List<Object> values = new ArrayList<>(9);
    values.add(Rows.dateKey(f.from()));
    values.add(Rows.dateKey(f.to()));
    values.add(applies.contains(Kpis.Filter.SERVICE) ? f.service() : null);
    values.add(applies.contains(Kpis.Filter.WARD) ? f.ward() : null);
    values.add(
        applies.contains(Kpis.Filter.CHANNEL) && f.channel() != null ? f.channel().name() : null);
    values.add(applies.contains(Kpis.Filter.TEAM) ? f.team() : null);
    values.add(Rows.dateKey(now.atZone(zone).toLocalDate()));
    values.add(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    if (key != null) {
      values.add(key);
    }
    return values;
  }

  private static Object value(Object v, Kpis.ColumnType type) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case COUNT -> ((Number) v).longValue();
      case PERCENT, DAYS -> decimal(v, 1);
      case MONEY -> decimal(v, 2);
      case DATE -> v instanceof LocalDate d ? d : LocalDate.parse(v.toString());
      case CODE, TEXT, MONTH -> v instanceof UUID u ? u.toString() : v.toString();
    };
  }

  private static BigDecimal decimal(Object v, int scale) {
    if (v instanceof Double x && (x.isNaN() || x.isInfinite())) {
      return null; // a share of nothing
    }
    BigDecimal d =
        v instanceof BigDecimal b
            ? b
            : v instanceof Double x
                ? new BigDecimal(Double.toString(x))
                : new BigDecimal(v.toString());
    return d.setScale(scale, RoundingMode.HALF_UP);
  }
}
