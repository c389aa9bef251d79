// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package) in front of Borough nodes, configured as {@code ops/cluster.sh}
 * configures it: round robin with no sticky sessions, a node taken out after two failed readiness
 * checks a second apart and back after two good ones, and a request whose connection could not be
 * made sent to the other node (never one that reached a node: a POST is not repeated by the
 * balancer).
 */
final class LoadBalancer implements AutoCloseable {

  private final Process process;
  private final int port;

  private LoadBalancer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/sbin/haproxy"));
  }

  /** Starts HAProxy in the foreground (so that closing this stops it) in front of the nodes. */
  static LoadBalancer start(Path dir, List<String> nodeUrls) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < nodeUrls.size(); i++) {
      URI u = URI.create(nodeUrls.get(i));
      servers.append(String.format("  server node%d %s:%d%n", i + 1, u.getHost(), u.getPort()));
    }
    String config =
        """
        global
          maxconn 2000
        defaults
          mode http
          timeout connect 2s
          timeout client 60s
          timeout server 60s
          retries 2
          option redispatch
        frontend borough
          bind 127.0.0.1:%d
          default_backend nodes
        backend nodes
          balance roundrobin
          option httpchk GET /actuator/health/readiness
          http-check expect status 200
          default-server check inter 1s fall 2 rise 2
        %s"""
            .formatted(port, servers);
    Files.createDirectories(dir);
    Path cfg = dir.resolve("haproxy.cfg");
    Files.writeString(cfg, config);
    Process p =
        new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", cfg.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start();
    LoadBalancer lb = new LoadBalancer(p, port);
    lb.awaitListening();
    return lb;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitListening() throws Exception {
    for (int i = 0; i < 100; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException("HAProxy exited with " + process.exitValue());
      }
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("HAProxy is not listening on " + port);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
