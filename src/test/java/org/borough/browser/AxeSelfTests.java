// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the browser helpers can both pass and fail. An accessibility gate that never fails is
 * worse than none, so the known-bad page is as important as the good one.
 *
 * <p>Pages come from a JDK HttpServer rather than the Spring app so this test stays independent of
 * application code and runs in a couple of seconds.
 */
class AxeSelfTests {

  private static final String ACCESSIBLE =
      """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>Accessible page</title></head>
            <body>
              <main>
                <h1>Find a resident</h1>
                <form>
                  <label for="name">Full name</label>
                  <input id="name" name="name" type="text">
                  <button type="submit">Search</button>
                </form>
              </main>
            </body>
            </html>
            """;

  // Deliberately broken: no lang, an image without alt, an input without a label.
  private static final String BROKEN =
      """
            <!DOCTYPE html>
            <html>
            <head><meta charset="utf-8"><title>Broken page</title></head>
            <body>
              <main>
                <h1>Broken</h1>
                <img src="/logo.png">
                <input type="text" name="unlabelled">
              </main>
            </body>
            </html>
            """;

  private static HttpServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    Browser.requireOrSkip();

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Map.of("/accessible.html", ACCESSIBLE, "/broken.html", BROKEN)
        .forEach(
            (path, html) ->
                server.createContext(
                    path,
                    exchange -> {
                      byte[] body = html.getBytes(StandardCharsets.UTF_8);
                      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                      exchange.sendResponseHeaders(200, body.length);
                      try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                      }
                    }));
    server.start();

    // One browser for the class: start-up dominates the cost of these tests.
    browser = Browser.start();
    System.out.println("Chromium started in " + browser.startupTime().toMillis() + " ms");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void accessiblePagePasses() {
    browser.driver().get(url("/accessible.html"));

    Axe.assertNoViolations(browser.driver());
  }

  @Test
  void brokenPageFailsWithReadableMessage() {
    browser.driver().get(url("/broken.html"));

    AssertionError error =
        assertThrows(AssertionError.class, () -> Axe.assertNoViolations(browser.driver()));

    System.out.println(error.getMessage());
    assertThat(error.getMessage())
        .contains("image-alt")
        .contains("label")
        .contains("html-has-lang")
        .contains("<img src=\"/logo.png\">")
        .contains("broken.html");
  }
}
