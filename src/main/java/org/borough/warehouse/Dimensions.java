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
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
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

  // Every financial year a budget line may name (2000/01 to 2099/00) has its days here.
  static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
  static final LocalDate LAST_DATE = LocalDate.of(2100, 3, 31);

  private final WorkingCalendar calendar;

  Dimensions(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * The surrogate keys of the current versions, by natural key, and of every version of services
   * and wards by the time it became valid, so that a case read by a rebuild is counted under the
   * service and ward as they were when it was opened, as the loader counted it then.
   */
  record Keys(
      Map<String, Long> services,
      Map<String, Long> wards,
      Map<String, Long> teams,
      Map<String, NavigableMap<Instant, Long>> serviceVersions,
      Map<String, NavigableMap<Instant, Long>> wardVersions) {

    Long service(String code) {
      return code == null ? null : services.get(code);
    }

    Long ward(String gss) {
      return gss == null ? null : wards.get(gss);
    }

    /** The key of the service's version valid at {@code at} (its first, before any was). */
    Long serviceAt(String code, Instant at) {
      return code == null ? null : versionAt(serviceVersions.get(code), at, service(code));
    }

    /** The key of the ward's version valid at {@code at} (its first, before any was). */
    Long wardAt(String gss, Instant at) {
      return gss == null ? null : versionAt(wardVersions.get(gss), at, ward(gss));
    }

    private static Long versionAt(NavigableMap<Instant, Long> versions, Instant at, Long current) {
      if (versions == null || versions.isEmpty() || at == null) {
        return current;
      }
      Map.Entry<Instant, Long> valid = versions.floorEntry(at);
      return valid != null ? valid.getValue() : versions.firstEntry().getValue();
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
    // The loader keys by the current versions only; a rebuild adds the history (withVersions).
    return new Keys(services, wards, teams, Map.of(), Map.of());
  }

  /** The keys with every version of services and wards, for a rebuild (two small reads). */
  static Keys withVersions(Keys keys, DuckDBConnection c) throws SQLException {
    return new Keys(
        keys.services(),
        keys.wards(),
        keys.teams(),
        versions(c, "dim_service", "service_key", "service_code"),
        versions(c, "dim_ward", "ward_key", "gss_code"));
  }

  /** Every version's key by natural key and the time it became valid. */
  private static Map<String, NavigableMap<Instant, Long>> versions(
      DuckDBConnection c, String table, String keyColumn, String naturalColumn)
      throws SQLException {
    Map<String, NavigableMap<Instant, Long>> versions = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select " + naturalColumn + ", valid_from, " + keyColumn + " from " + table)) {
      while (rs.next()) {
        versions
            .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
            .put(Rows.instant(rs.getObject(2)), rs.getLong(3));
      }
    }
    return versions;
  }

  /** The slowly changing dimensions, whose history a rebuild carries into its new file. */
  static final List<String> HISTORIES = List.of("dim_service", "dim_ward", "dim_team");

  /**
   * Copies the slowly changing dimensions' history from {@code from} (the file being replaced) into
   * the new, empty file {@code to}, and starts its key sequence after theirs: the rebuild's own
   * sync then adds versions only for what changed since, instead of beginning the history again at
   * the rebuild. A table whose columns the new model changed is not copied (its history starts
   * again, and the log says so).
   */
  static void carryHistory(Connection from, DuckDBConnection to) throws SQLException {
    long maxKey = 0;
    for (String table : HISTORIES) {
      List<String> columns = columns(to, table);
      if (!columns(from, table).containsAll(columns)) {
        org.slf4j.LoggerFactory.getLogger(Dimensions.class)
            .warn("The history of {} is not carried over: its columns changed", table);
        continue;
      }
      try (Statement read = from.createStatement();
          ResultSet rs =
              read.executeQuery("select " + String.join(", ", columns) + " from " + table);
          DuckDBAppender a = to.createAppender(table)) {
        while (rs.next()) {
          Object[] row = new Object[columns.size()];
          for (int i = 0; i < row.length; i++) {
            Object v = rs.getObject(i + 1);
            row[i] = v instanceof java.time.OffsetDateTime ? Rows.instant(v) : v;
          }
          maxKey = Math.max(maxKey, ((Number) row[0]).longValue());
          Rows.append(a, row);
        }
      }
    }
    try (Statement s = to.createStatement()) {
      s.execute("create or replace sequence dim_key_seq start with " + (maxKey + 1));
    }
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select column_name from information_schema.columns where table_name = '"
                    + table
                    + "' order by ordinal_position")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    return columns;
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
