// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB warehouse file, opened read-write by this process. Writes go through one connection
 * with auto-commit off, so the rows a batch produces and the outbox position it reached commit
 * together; reads get their own connections to the same database, and DuckDB's MVCC gives each one
 * a consistent snapshot while the loader writes.
 */
final class WarehouseDatabase implements AutoCloseable {

  private static final String SCHEMA = "/warehouse/schema.sql";

  /**
   * The version of the model in schema.sql. Raise it with any change there that a file made before
   * cannot take by running the statements again (a column's type, a new column): a file of another
   * version is rebuilt, not loaded into. 1: before versions were recorded; 2: residents' pseudonyms
   * as uuid; 3: cases and contacts by keys, not the CRM's ids, and no case references; 4: the
   * statutory casework and satisfaction facts (a file made before has the tables' statements run
   * but not the records that came before them, so it is rebuilt).
   */
  static final int MODEL = 4;

  private final Path file;
  private final DuckDBConnection writer;
  private final boolean current;

  /** Opens (creating if need be) the file and brings its schema up to date. */
  WarehouseDatabase(Path file) {
    this(file, null);
  }

  /**
   * @param memoryLimit DuckDB's memory limit, a size already checked by {@link
   *     WarehouseProperties}; null for DuckDB's default
   */
  WarehouseDatabase(Path file, String memoryLimit) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      writer =
          (DuckDBConnection)
              DriverManager.getConnection(
                  "jdbc:duckdb:" + file.toAbsolutePath(), settings(memoryLimit));
      try (Statement s = writer.createStatement()) {
        for (String statement : schema()) {
          s.execute(statement);
        }
        current = stampModel(s);
      }
      writer.setAutoCommit(false);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot open the warehouse at " + file, e);
    }
  }

  /**
   * DuckDB's settings, given when the database opens and then locked. By default DuckDB installs
   * and loads a "known" extension the first time a query names something in it: an analyst's {@code
   * '1.2.3.4'::INET} on the SQL page made the server try to download the inet extension from the
   * internet, and run code it had not shipped with. Parquet, JSON and ICU, which the warehouse
   * uses, are built into the driver. Locked, no statement can turn this back on.
   */
  static Properties settings(String memoryLimit) {
    Properties p = new Properties();
    p.setProperty("autoinstall_known_extensions", "false");
    p.setProperty("autoload_known_extensions", "false");
    p.setProperty("allow_community_extensions", "false");
    if (memoryLimit != null && !memoryLimit.isBlank()) {
      p.setProperty("memory_limit", memoryLimit);
    }
    p.setProperty("lock_configuration", "true");
    return p;
  }

  Path file() {
    return file;
  }

  /** Whether the file was made with this version of the model (see {@link #MODEL}). */
  boolean current() {
    return current;
  }

  /**
   * Records the model's version in a new file; for a file that has one, whether it is this one. A
   * file that has been loaded into but records no version predates versions: model 1.
   */
  private static boolean stampModel(Statement s) throws SQLException {
    Integer version = null;
    try (ResultSet rs = s.executeQuery("select max(version) from warehouse_model")) {
      if (rs.next()) {
        version = (Integer) rs.getObject(1);
      }
    }
    if (version != null) {
      return version == MODEL;
    }
    try (ResultSet rs =
        s.executeQuery(
            "select (select count(*) from loader_state) + (select count(*) from loader_snapshot)")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        return false;
      }
    }
    s.execute("insert into warehouse_model values (" + MODEL + ")");
    return true;
  }

  /** The schema's statements, in order. */
  static java.util.List<String> schema() {
    try (InputStream in = WarehouseDatabase.class.getResourceAsStream(SCHEMA)) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return java.util.Arrays.stream(sql.split("(?m)^;\\s*$"))
          .map(String::strip)
          .filter(s -> !s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--")))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + SCHEMA, e);
    }
  }

  /** Work on the writer connection, committed together or not at all. */
  synchronized <T> T write(Work<T> work) {
    try {
      // DuckDB's JDBC driver begins the transaction lazily, with the first statement; begin it
      // now so that Appenders created before any statement join it too.
      try (Statement s = writer.createStatement()) {
        s.execute("select 1");
      }
      T result = work.run(writer);
      writer.commit();
      return result;
    } catch (Exception e) {
      try {
        writer.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("Warehouse write failed: " + e.getMessage(), e);
    }
  }

  /** Work on a connection of its own, which sees the last committed state. */
  <T> T read(Work<T> work) {
    try (Connection c = writer.duplicate()) {
      return work.run(c);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Warehouse read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (!writer.isClosed()) {
        writer.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the warehouse at " + file, e);
    }
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws Exception;
  }
}
