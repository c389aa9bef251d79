// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With every pooled connection taken (as under overload, or while the database is restarting and no
 * new connection can be made), a request waits the pool's timeout and is answered 503 with {@code
 * Retry-After} in its caller's format, with one line in the log: not a 500 and a stack trace, which
 * would say Borough is broken and send clients away instead of back. The pool is really exhausted:
 * the test borrows all its connections from the application's own data source.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableIT extends IntegrationTest {

  @Autowired HikariDataSource dataSource;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Connection> taken = new ArrayList<>();

  @BeforeEach
  void takeEveryConnection() throws Exception {
    for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
      taken.add(dataSource.getConnection());
    }
  }

  @AfterEach
  void giveThemBack() throws Exception {
    for (Connection c : taken) {
      c.close();
    }
    taken.clear();
    // Scheduled work that took its cluster-wide lock and then lost the database could not give the
    // lock back, and would hold it for up to lockAtMostFor (30 s) as a crashed node does: end it,
    // so the tests after this one find notifications and the SLA watch running at once. The rows
    // stay: ShedLock remembers which exist and only updates them from then on.
    try (Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.executeUpdate("update shedlock set lock_until = locked_at where lock_until > locked_at");
    }
  }

  @Test
  void theJsonApiAnswersAProblemToRetry(CapturedOutput output) throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(uri("/api/v1/staff"))
                .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
                .header("Accept", "application/json"));

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(answer.body()).contains("\"title\":\"Service unavailable\"", "\"status\":503");
    String line = "GET /api/v1/staff answered 503: the database could not be reached";
    String logged = output.getOut();
    assertThat(logged).contains(line);
    String after = logged.substring(logged.indexOf(line));
    assertThat(after.lines().skip(1).findFirst().orElse("")).doesNotStartWith("\tat ");

    giveThemBack();
    assertThat(
            send(HttpRequest.newBuilder(uri("/api/v1/staff"))
                    .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
                    .header("Accept", "application/json"))
                .statusCode())
        .as("answered again as soon as a connection is free")
        .isEqualTo(200);
  }

  @Test
  void aPostThatCreatesACaseIsRefusedWholeAndCanBeRetried() throws Exception {
    HttpResponse<String> answer = reportPothole();

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(answer.body()).startsWith("[{\"code\":503").contains("try again in a few seconds");
  }

  @Test
  void open311ReadsAnswerInOpen311Format() throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(
                uri(
                    "/open311/v2/requests.xml?jurisdiction_id="
                        + Fixtures.JURISDICTION
                        + "&status=open")));

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(answer.body()).contains("<errors>", "<code>503</code>");
  }

  @Test
  void aPageAnswersTheServiceUnavailablePage() throws Exception {
    HttpResponse<String> answer =
        send(HttpRequest.newBuilder(uri("/portal/track?reference=BR-2026-000001")));

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(answer.body())
        .contains("Sorry, the service is unavailable")
        .contains("govuk-template")
        .doesNotContain("Exception");
  }

  /**
   * A request that holds one connection while asking for another can empty the pool under load:
   * each of ten threads holding one, all waiting for a second. With a single connection free, each
   * front door's everyday request must still be answered.
   */
  @Test
  void aRequestNeedsOnlyOneConnectionAtATime() throws Exception {
    taken.remove(0).close();

    assertThat(
            send(HttpRequest.newBuilder(uri("/api/v1/staff"))
                    .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
                    .header("Accept", "application/json"))
                .statusCode())
        .as("staff list with a bearer token")
        .isEqualTo(200);
    HttpResponse<String> posted = reportPothole();
    assertThat(posted.statusCode()).as("Open311 report: %s", posted.body()).isBetween(200, 201);
    assertThat(
            send(HttpRequest.newBuilder(
                    uri("/open311/v2/requests.json?jurisdiction_id=" + Fixtures.JURISDICTION)))
                .statusCode())
        .as("Open311 request list")
        .isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(uri("/portal"))).statusCode())
        .as("portal page")
        .isEqualTo(200);
  }

  private HttpResponse<String> reportPothole() throws Exception {
    return send(
        HttpRequest.newBuilder(uri("/open311/v2/requests.json"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "api_key="
                        + Fixtures.OPEN311_KEY
                        + "&jurisdiction_id="
                        + Fixtures.JURISDICTION
                        + "&service_code="
                        + Fixtures.POTHOLE
                        + "&lat=51.5&long=-0.1&description=A+deep+pothole")));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
