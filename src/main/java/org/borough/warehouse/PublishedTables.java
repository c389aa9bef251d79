// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables analysts may query on the SQL page and the Parquet export writes: the star schema's
 * dimensions, facts and bridges, known by their names ({@code dim_*}, {@code fact_*}, {@code
 * bridge_*}) so that a table added later is published with no further step. The loader's
 * bookkeeping ({@code loader_*}, {@code quarantine}, {@code stg_key}, {@code dq_*}) is not: the
 * quarantine keeps raw event payloads and the staging table CRM ids, which would undo the
 * residents' pseudonyms; the data tests are on their own page. DuckDB's catalogs ({@code duckdb_*},
 * {@code information_schema}, {@code pg_catalog}) are not either: they describe the whole database,
 * settings and files, and this page lists the columns itself.
 */
final class PublishedTables {

  private PublishedTables() {}

  /** The published tables, as a condition on a catalog's {@code table_name}. */
  static final String BY_NAME =
      "(starts_with(table_name, 'dim_') or starts_with(table_name, 'fact_')"
          + " or starts_with(table_name, 'bridge_'))";

  record Column(String name, String type) {}

  record Table(String name, List<Column> columns) {}

  static List<Table> read(Connection c) throws SQLException {
    Map<String, List<Column>> tables = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
                select table_name, column_name, data_type from duckdb_columns()
                where database_name = current_database() and schema_name = 'main'
                  and not internal and %s
                order by table_name, column_index"""
                    .formatted(BY_NAME))) {
      while (rs.next()) {
        tables
            .computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
            .add(new Column(rs.getString(2), rs.getString(3)));
      }
    }
    return tables.entrySet().stream().map(e -> new Table(e.getKey(), e.getValue())).toList();
  }

  /** Lower-case names of the published tables. */
  static Set<String> names(Connection c) throws SQLException {
    Set<String> names = new HashSet<>();
    for (Table t : read(c)) {
      names.add(t.name().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /**
   * Lower-case names of every table and view DuckDB could find by a bare name, published or not,
   * its own catalog views included: a WITH query may not take one of them, so that a name can never
   * mean the WITH query to the guard and the table to DuckDB.
   */
  static Set<String> allNames(Connection c) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select table_name from duckdb_tables() union all"
                    + " select view_name from duckdb_views()")) {
      while (rs.next()) {
        names.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
