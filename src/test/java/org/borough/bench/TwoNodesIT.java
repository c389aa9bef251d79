// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.support.TestDatabase;
import org.borough.support.TestMail;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: two Borough nodes on one PostgreSQL, as behind a load balancer with no sticky sessions.
 * A member of staff signed in on one node is signed in on the other; a retried report that lands on
 * the other node gets the first answer; and each report's "we have your report" email is sent once,
 * although both nodes' dispatchers poll. (H2 is one process's file: the run on the embedded default
 * skips this test.)
 */
class TwoNodesIT {

  private static final Pattern REFERENCE =
      Pattern.compile("\"service_request_id\"\\s*:\\s*\"([^\"]+)\"");

  @Test
  void twoNodesShareSessionsRetriesAndSendEachEmailOnce() throws Exception {
    Assumptions.assumeTrue(TestDatabase.postgres(), "two processes cannot share an H2 file");
    Assumptions.assumeTrue(
        TestDatabase.postgresUrl() != null,
        () -> "PostgreSQL unreachable, skipping: " + TestDatabase.unavailableReason());
    Path dataDir = Path.of("target", "it-data", "nodes-" + UUID.randomUUID()).toAbsolutePath();
    try (CrashScenario scenario = new CrashScenario(dataDir, true);
        BoroughProcess second = scenario.secondNode()) {
      BoroughProcess first = scenario.server();
      first.start(CrashScenario.START);
      second.start(CrashScenario.START);

      // Signed in on the first node, the session cookie works on the second.
      BenchHttp console = new BenchHttp(first.url());
      console.signIn("admin", "crash-test-admin-password");
      String session = console.cookie("SESSION");
      assertThat(session).as("Spring Session's cookie").isNotNull();
      HttpResponse<String> elsewhere =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(second.url() + "/admin/warehouse"))
                      .header("Cookie", "SESSION=" + session)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(elsewhere.statusCode()).as("the admin page on the other node").isEqualTo(200);

      // The same report posted to each node with one Idempotency-Key is one case.
      Open311Reports onFirst =
          new Open311Reports(new BenchHttp(first.url()), CrashScenario.OPEN311_KEY, Duration.ZERO);
      Open311Reports onSecond =
          new Open311Reports(new BenchHttp(second.url()), CrashScenario.OPEN311_KEY, Duration.ZERO);
      String key = UUID.randomUUID().toString();
      String a = reference(onFirst.post(new java.util.Random(7), 1, "json", key));
      String b = reference(onSecond.post(new java.util.Random(7), 1, "json", key));
      assertThat(b).isEqualTo(a);

      // Reports to both nodes; both dispatchers poll; each reporter hears once.
      List<String> emails = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Open311Reports node = i % 2 == 0 ? onFirst : onSecond;
        String email = "twonodes-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        reference(node.postFrom(ThreadLocalRandom.current(), i, email));
        emails.add(email);
      }
      for (String email : emails) {
        assertThat(TestMail.await(email, 1, Duration.ofSeconds(30))).hasSize(1);
      }
      // More reports to both nodes, each heard of: dispatch went on since (on whichever node held
      // its lock), and sent none of the first ten again.
      for (int i = 0; i < 4; i++) {
        Open311Reports node = i % 2 == 0 ? onFirst : onSecond;
        String later =
            "twonodes-later-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        reference(node.postFrom(ThreadLocalRandom.current(), i, later));
        assertThat(TestMail.await(later, 1, Duration.ofSeconds(30))).hasSize(1);
      }
      for (String email : emails) {
        assertThat(TestMail.to(email)).as(email).hasSize(1);
      }
      second.stop();
    }
  }

  private static String reference(HttpResponse<String> r) {
    Matcher m = REFERENCE.matcher(r.body());
    assertThat(r.statusCode() / 100).as(r.body()).isEqualTo(2);
    assertThat(m.find()).as(r.body()).isTrue();
    return m.group(1);
  }
}
