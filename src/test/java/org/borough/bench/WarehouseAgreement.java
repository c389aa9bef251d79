// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Waiting for a running server's warehouse to agree with its CRM. */
final class WarehouseAgreement {

  private WarehouseAgreement() {}

  /**
   * Waits until a data-test run made after {@code since} has read the whole outbox with every test
   * passed; returns the data-quality report, or fails with the last one after {@code timeout}.
   */
  static JsonNode await(String url, String adminToken, Instant since, Duration timeout)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    BenchHttp http = new BenchHttp(url);
    http.useToken(adminToken);
    Instant deadline = Instant.now().plus(timeout);
    JsonNode report = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = http.getJson("/api/v1/warehouse/data-quality");
      BenchHttp.expect(r, 200, "GET /api/v1/warehouse/data-quality");
      report = json.readTree(r.body());
      JsonNode latest = report.path("latest");
      if (!latest.isMissingNode()
          && !latest.isNull()
          && Instant.parse(latest.path("at").asString()).isAfter(since)
          && latest.path("position").asLong() >= report.path("outboxPosition").asLong()
          && latest.path("failed").asInt() == 0) {
        return report;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "The warehouse did not agree with the CRM within " + timeout + ": " + report);
  }
}
