// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the star schema (every published table, {@code dim_*}, {@code fact_*} and {@code
 * bridge_*}, found in the catalog so that a fact added later is exported too) as Parquet: one
 * directory per table, facts split into hive-style {@code month=yyyy-MM} partitions, with a
 * manifest. Everything is read in one DuckDB transaction, so the files are one consistent snapshot
 * however the loader writes meanwhile, and written beside the last export, then renamed over it, so
 * a reader never finds half an export.
 */
final class ParquetExport {

  static final String MANIFEST = "manifest.json";

  /** The partition column each fact's rows are split by. */
  static final String PARTITION = "month";

  /**
   * The date key whose month partitions each fact, declared here once. A fact not listed is split
   * by its first column named {@code date_key} or ending in {@code _date_key}, or not at all.
   */
  static final Map<String, String> MONTH_OF =
      Map.of(
          "fact_case", "opened_date_key",
          "fact_contact", "date_key",
          "fact_case_event", "date_key",
          "fact_backlog_daily", "date_key");

  /** One exported table; {@code monthOf} is the date key of its partitions, or null. */
  record Table(String name, long rows, String partitionColumn, String monthOf) {}

  /**
   * What an export holds: when it was taken, the outbox position the warehouse had applied in the
   * snapshot it read, when the loader had last read the whole outbox, and each table's rows.
   */
  record Manifest(Instant exportedAt, long outboxPosition, Instant asAt, List<Table> tables) {

    public long rows() {
      return tables.stream().mapToLong(Table::rows).sum();
    }
  }

  private ParquetExport() {}

  /** Exports through {@code c} (a connection of its own) into {@code target}, replacing it. */
  static Manifest export(Connection c, Path target, Instant now, Instant asAt, JsonMapper json)
      throws SQLException, IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path next = Files.createTempDirectory(parent, target.getFileName() + ".next-");
    try {
      Manifest manifest = write(c, next, now, asAt);
      json.writerWithDefaultPrettyPrinter().writeValue(next.resolve(MANIFEST).toFile(), manifest);
      swap(next, target);
      return manifest;
    } finally {
      deleteTree(next); // only left behind when the export failed
    }
  }

  private static Manifest write(Connection c, Path dir, Instant now, Instant asAt)
      throws SQLException, IOException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false); // one transaction: one snapshot for every table and the position
    try (Statement s = c.createStatement()) {
      List<Table> tables = new ArrayList<>();
      for (String table : published(s)) {
        List<String[]> columns = columns(s, table);
        String monthOf = table.startsWith("fact_") ? monthOf(table, columns) : null;
        String select = select(columns);
        Path out = dir.resolve(table);
        if (monthOf != null) {
          s.execute(
              "copy (select "
                  + select
                  + ", "
                  + month(monthOf)
                  + " as "
                  + PARTITION
                  + " from "
                  + table
                  + ") to "
                  + literal(out)
                  + " (format parquet, partition_by ("
                  + PARTITION
                  + "))");
        } else {
          Files.createDirectories(out);
          s.execute(
              "copy (select "
                  + select
                  + " from "
                  + table
                  + ") to "
                  + literal(out.resolve("data.parquet"))
                  + " (format parquet)");
        }
        tables.add(
            new Table(
                table,
                count(s, "select count(*) from " + table),
                monthOf == null ? null : PARTITION,
                monthOf));
      }
      long position = count(s, "select coalesce(max(high_position), 0) from loader_state");
      return new Manifest(now, position, asAt, List.copyOf(tables));
    } finally {
      c.rollback(); // it only read
      c.setAutoCommit(autoCommit);
    }
  }

  /** The star schema's tables: dimensions and facts, not the loader's bookkeeping. */
  static List<String> published(Statement s) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "select table_name from information_schema.tables"
                + " where table_schema = 'main' and table_type = 'BASE TABLE' and "
                + PublishedTables.BY_NAME
                + " order by table_name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** Each column's name and DuckDB type, in table order. */
  private static List<String[]> columns(Statement s, String table) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "select column_name, data_type from information_schema.columns"
                + " where table_schema = 'main' and table_name = '"
                + table
                + "' order by ordinal_position")) {
      while (rs.next()) {
        columns.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return columns;
  }

  private static String monthOf(String table, List<String[]> columns) {
    String declared = MONTH_OF.get(table);
    if (declared != null) {
      return declared;
    }
    return columns.stream()
        .map(c -> c[0])
        .filter(n -> n.equals("date_key") || n.endsWith("_date_key"))
        .findFirst()
        .orElse(null);
  }

  /** UUIDs as text: Parquet's UUID type is one that Spark and pandas do not read as such. */
  private static String select(List<String[]> columns) {
    return columns.stream()
        .map(c -> c[1].equalsIgnoreCase("UUID") ? "cast(" + c[0] + " as varchar) as " + c[0] : c[0])
        .collect(Collectors.joining(", "));
  }

  /** {@code yyyy-MM} of a {@code yyyymmdd} date key. */
  private static String month(String dateKey) {
    String text = "cast(" + dateKey + " as varchar)";
    return "substr(" + text + ", 1, 4) || '-' || substr(" + text + ", 5, 2)";
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Renames {@code next} over {@code target}. A directory cannot be renamed over one that has
   * files, so the old export is first renamed aside, then deleted: a reader sees the old export,
   * for an instant none, then the new one, never a mix.
   */
  private static void swap(Path next, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(next.getParent(), target.getFileName() + ".old-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      deleteTree(old);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
