// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the run's own: a new cluster ({@code initdb}) in a temporary directory on
 * a free port, so a fault run can crash and restart it without touching the machine's shared
 * server, which other tests use at the same time. Durable as production runs it: {@code fsync} and
 * {@code synchronous_commit} stay on. Run as the {@code postgres} user when the tests run as root
 * (the server refuses root).
 */
final class PrivatePostgres implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final int port;

  private PrivatePostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** Whether the server's programs are on this machine (Debian's postgresql package). */
  static boolean available() {
    return binaries() != null;
  }

  /** Creates the cluster and starts it. */
  static PrivatePostgres start() throws IOException, InterruptedException {
    Path bin = binaries();
    if (bin == null) {
      throw new IllegalStateException("No PostgreSQL server programs under /usr/lib/postgresql");
    }
    Path dir = Files.createTempDirectory("borough-pg-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PrivatePostgres pg = new PrivatePostgres(bin, dir, port);
    pg.run("chown", "-R", "postgres", dir.toString());
    pg.asPostgres(
        bin.resolve("initdb").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--no-instructions");
    pg.startServer();
    return pg;
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates a database and returns its JDBC URL. */
  String createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    return url(name);
  }

  /**
   * Stops the server as a power cut would ({@code immediate}: no checkpoint, recovery from the WAL
   * on start) and starts it again; every connection the nodes held is broken.
   */
  void crashAndRestart() throws IOException, InterruptedException {
    pgCtl("stop", "-m", "immediate");
    startServer();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      pgCtl("stop", "-m", "immediate");
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void startServer() throws IOException, InterruptedException {
    pgCtl(
        "start",
        "-l",
        dir.resolve("server.log").toString(),
        "-o",
        "-p "
            + port
            + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c"
            + " max_connections=100");
  }

  private void pgCtl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve("pg_ctl").toString());
    command.add("-D");
    command.add(dir.resolve("data").toString());
    command.add("-w");
    command.add("-t");
    command.add("60");
    command.addAll(List.of(args));
    asPostgres(command.toArray(String[]::new));
  }

  private void asPostgres(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    run(full.toArray(String[]::new));
  }

  private void run(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("commands.log").toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command)
              + " failed: "
              + Files.readString(dir.resolve("commands.log")).strip());
    }
  }

  /** The newest installed server's programs, e.g. /usr/lib/postgresql/15/bin. */
  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
          .orElse(null);
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }
}
