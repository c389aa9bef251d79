// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What input can do to the log: no line of its own (a newline in a username used to start a line
 * that looked like the application's), and a malformed anonymous request is one line, not a stack
 * trace of 23 KB that anyone can make the server write as often as they like.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogInjectionIT extends IntegrationTest {

  private static final String FORGED = "2026-01-01T00:00:00.000Z  INFO 1 --- [borough] forged line";

  @Autowired MockMvc mvc;
  @LocalServerPort int port;

  @Test
  void aNewlineInAUsernameCannotStartALogLine(CapturedOutput output) throws Exception {
    int from = output.getOut().length();
    mvc.perform(
        post("/sign-in")
            .with(csrf())
            .param("username", "nobody\n" + FORGED + "\r\n\u001b[2J")
            .param("password", "wrong"));
    String written = output.getOut().substring(from);
    assertThat(written.lines()).noneMatch(l -> l.startsWith(FORGED));
    assertThat(written).doesNotContain("\u001b[2J");
    if (written.contains("nobody")) {
      assertThat(written).contains("nobody\\n" + FORGED + "\\r\\n\\u001b[2J");
    }
  }

  @Test
  void malformedAnonymousOpen311RequestsAreLoggedInOneLineAndAnsweredInOpen311Format(
      CapturedOutput output) throws Exception {
    for (String[] request :
        new String[][] {
          {"GET /open311/v2/requests.json?start_date=%ZZ", null, ""},
          {"POST /open311/v2/requests.json", "application/x-www-form-urlencoded", "lat=%ZZ"},
          {"POST /open311/v2/requests.json", "multipart/form-data", "--x\r\nnot multipart"},
          {"POST /open311/v2/requests.json", "multipart/form-data; boundary=x", "--x\r\nbroken"},
        }) {
      assertThat(refusedInOneLine(output, request))
          .contains("[{\"code\":4")
          .contains("\"description\":");
    }
  }

  @Test
  void malformedRequestsToPagesAndTheApiAreA400InTheirFormatAndOneLine(CapturedOutput output)
      throws Exception {
    assertThat(refusedInOneLine(output, "GET /portal/report/start?service=%ZZ", null, ""))
        .contains("The request could not be read");
    // The CSRF check reads the form before any controller.
    assertThat(
            refusedInOneLine(
                output,
                "POST /portal/report/service",
                "application/x-www-form-urlencoded",
                "service=%ZZ"))
        .contains("The request could not be read");
    assertThat(refusedInOneLine(output, "GET /api/v1/decisions?q=%ZZ", null, ""))
        .contains("\"status\":400")
        .contains("could not be read");
  }

  /**
   * Sends the request; checks it was answered 4xx and that what it made the server log is at most a
   * line, without a trace. Returns the body.
   */
  private String refusedInOneLine(CapturedOutput output, String... request) throws Exception {
    int from = output.getOut().length() + output.getErr().length();
    String response = send(request[0], request[1], request[2]);
    String written = (output.getOut() + output.getErr()).substring(from);
    String what = String.join(" ", request[0], String.valueOf(request[1]), request[2]);
    assertThat(response).as(what).matches("(?s)HTTP/1.1 4\\d\\d .*");
    assertThat(written.lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by")))
        .as(what + " wrote:\n" + written)
        .isEmpty();
    assertThat(written.length()).as(what + " wrote:\n" + written).isLessThan(1000);
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  /** One request as bytes on a socket: a client library would refuse to send a malformed one. */
  private String send(String requestLine, String type, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head =
          new StringBuilder(requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
      // As a browser asks: the error page, not Spring Boot's JSON.
      head.append("Accept: text/html\r\n");
      if (type != null) {
        head.append("Content-Type: ").append(type).append("\r\n");
        head.append("Content-Length: ").append(content.length).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
