// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Borough's packaged jar run as its own process, as a council runs it, so that a test can kill it
 * with SIGKILL (no shutdown hook, no flush) and start it again on the same database.
 */
final class BoroughProcess implements AutoCloseable {

  private final Path jar;
  private final Map<String, String> env;
  private final Path log;
  private final int port;
  // C1 only: starts sooner, and most runs are short.
  private List<String> jvmOptions = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");
  private Process process;

  /**
   * @param jar the executable jar ({@code -Dborough.jar}, set by the build)
   * @param env environment variables (BOROUGH_DATA_DIR, SPRING_DATASOURCE_URL, ...)
   * @param log file the process's output is appended to
   */
  BoroughProcess(Path jar, Map<String, String> env, Path log) throws IOException {
    this.jar = jar;
    this.env = env;
    this.log = log;
    this.port = freePort();
  }

  /** The JVM's options instead of the default; a long run wants the optimising compiler. */
  void jvmOptions(String... options) {
    this.jvmOptions = List.of(options);
  }

  /** The jar the build packaged, from {@code -Dborough.jar}. */
  static Path packagedJar() {
    String jar = System.getProperty("borough.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "No packaged jar at -Dborough.jar=" + jar + ": run through `./mvnw verify`");
    }
    return Path.of(jar);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The running process's id, for what only the operating system knows (its open files). */
  long pid() {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("Borough is not running");
    }
    return process.pid();
  }

  /**
   * Starts the process and waits until it is ready: its start-up work done (migrations, demo data,
   * the Open311 key), as a load balancer would wait.
   */
  void start(Duration timeout) throws Exception {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.environment().put("SERVER_PORT", Integer.toString(port));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = pb.start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Borough exited with " + process.exitValue() + " while starting: see " + log);
      }
      try {
        HttpResponse<String> health =
            client.send(
                HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    kill();
    throw new IllegalStateException("Borough did not start within " + timeout + ": see " + log);
  }

  /** SIGKILL: the process gets no chance to flush or close anything. */
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM, and waits for Spring's graceful shutdown. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
