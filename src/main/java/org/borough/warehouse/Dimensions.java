// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.borough.cases.CaseStatus;
import org.borough.residents.Channel;
import org.borough.system.WorkingCalendar;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Fills the dimensions. Date, channel and status are rewritten whole (type 1: they follow the code
 * and the bank holiday list). Service, ward and team are slowly changing, type 2: when an attribute
 * changes, the current row is closed ({@code valid_to}, {@code is_current = false}) and a new
 * version opened, so facts keep pointing at the version that was current when they were loaded.
 */
final class Dimensions {

  static final LocalDate FIRST_DATE = LocalDate.of(2010, 1, 1);
  static final LocalDate LAST_DATE = LocalDate.of(2040, 12, 31);

  private final WorkingCalendar calendar;

  Dimensions(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** The surrogate keys of the current versions, by natural key. */
  record Keys(Map<String, Long> services, Map<String, Long> wards, Map<String, Long> teams) {
    Long service(String code) {
      return code == null ? null : services.get(code);
    }

    Long ward(String gss) {
      return gss == null ? null : wards.get(gss);
    }

    Long team(UUID id) {
      return id == null ? null : teams.get(id.toString());
    }
  }

  /** Rewrites dim_date, dim_channel and dim_status. */
  void refreshStatic(DuckDBConnection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("delete from dim_date");
      s.execute("delete from dim_channel");
      s.execute("delete from dim_status");
    }
    try (DuckDBAppender a = c.createAppender("dim_date")) {
      for (LocalDate d = FIRST_DATE; !d.isAfter(LAST_DATE); d = d.plusDays(1)) {
        int fyStart = d.getMonthValue() >= 4 ? d.getYear() : d.getYear() - 1;
        boolean weekend = d.getDayOfWeek().getValue() >= 6;
        Rows.append(
            a,
            Rows.dateKey(d),
            d,
            d.getYear(),
            d.getMonthValue(),
            d.getMonth().getDisplayName(TextStyle.FULL, Locale.UK),
            String.format("%04d-%02d", d.getYear(), d.getMonthValue()),
            d.getDayOfMonth(),
            d.getDayOfWeek().getValue(),
            d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK),
            weekend,
            calendar.isBankHoliday(d),
            calendar.isWorkingDay(d),
            financialYear(fyStart),
            fyStart,
            ((d.getMonthValue() + 8) % 12) / 3 + 1);
      }
    }
    try (DuckDBAppender a = c.createAppender("dim_channel")) {
      for (Channel ch : Channel.values()) {
        Rows.append(a, ch.name(), ch.label(), ch.digital());
      }
    }
    try (DuckDBAppender a = c.createAppender("dim_status")) {
      for (CaseStatus st : CaseStatus.values()) {
        Rows.append(a, st.name(), st.label(), st.active());
      }
    }
  }

  /** The UK financial year that starts in April of {@code startYear}, written 2017/18. */
  static String financialYear(int startYear) {
    return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
  }

  /** Brings the slowly changing dimensions in line with the source and returns current keys. */
  Keys sync(DuckDBConnection c, DimensionSource source, Instant now) throws SQLException {
    Map<String, Long> services =
        scd2(
            c,
            "dim_service",
            "service_key",
            "service_code",
            List.of(
                "name",
                "group_name",
                "priority",
                "sla_target",
                "sla_unit",
                "active",
                "default_team_id"),
            source.services(),
            DimensionSource.Service::code,
            s ->
                values(
                    s.name(),
                    s.group(),
                    s.priority(),
                    s.slaTarget(),
                    s.slaUnit(),
                    s.active(),
                    s.defaultTeam()),
            now);
    Map<String, Long> wards =
        scd2(
            c,
            "dim_ward",
            "ward_key",
            "gss_code",
            List.of("name"),
            source.wards(),
            DimensionSource.Ward::gssCode,
            w -> values(w.name()),
            now);
    Map<String, Long> teams =
        scd2(
            c,
            "dim_team",
            "team_key",
            "team_id",
            List.of("code", "name"),
            source.teams(),
            t -> t.id().toString(),
            t -> values(t.code(), t.name()),
            now);
    return new Keys(services, wards, teams);
  }

  private static List<Object> values(Object... v) {
    return java.util.Arrays.asList(v);
  }

  private <T> Map<String, Long> scd2(
      DuckDBConnection c,
      String table,
      String keyColumn,
      String naturalColumn,
      List<String> attributes,
      List<T> items,
      Function<T, String> natural,
      Function<T, List<Object>> attributesOf,
      Instant now)
      throws SQLException {
    Map<String, Long> keys = new HashMap<>();
    Map<String, List<String>> current = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select "
                    + keyColumn
                    + ", "
                    + naturalColumn
                    + ", "
                    + String.join(", ", attributes)
                    + " from "
                    + table
                    + " where is_current")) {
      while (rs.next()) {
        String id = rs.getString(2);
        keys.put(id, rs.getLong(1));
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
          stored.add(rs.getString(3 + i));
        }
        current.put(id, stored);
      }
    }
    List<T> changed = new ArrayList<>();
    for (T item : items) {
      List<String> now_ = attributesOf.apply(item).stream().map(Dimensions::text).toList();
      List<String> stored = current.get(natural.apply(item));
      if (stored == null || !stored.equals(now_)) {
        changed.add(item);
      }
    }
    if (changed.isEmpty()) {
      return keys;
    }
    try (PreparedStatement close =
        c.prepareStatement(
            "update "
                + table
                + " set valid_to = ?, is_current = false where "
                + keyColumn
                + " = ?")) {
      for (T item : changed) {
        Long old = keys.get(natural.apply(item));
        if (old != null) {
          close.setObject(1, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
          close.setLong(2, old);
          close.executeUpdate();
        }
      }
    }
    try (DuckDBAppender a = c.createAppender(table)) {
      for (T item : changed) {
        long key = nextKey(c);
        List<Object> row = new ArrayList<>();
        row.add(key);
        String id = natural.apply(item);
        row.add(naturalColumn.endsWith("_id") ? UUID.fromString(id) : id);
        row.addAll(attributesOf.apply(item));
        row.add(now);
        row.add(null);
        row.add(true);
        Rows.append(a, row.toArray());
        keys.put(id, key);
      }
    }
    return keys;
  }

  private static String text(Object value) {
    return Objects.toString(value, null);
  }

  private static long nextKey(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select nextval('dim_key_seq')")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
