// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What the benchmarks that raise cases share: the token, the services and a valid case. */
final class BenchCases {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchCases() {}

  /** A valid case for a service: every required attribute answered with a valid value. */
  static String caseJson(JsonNode service, String residentId, long n) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("serviceCode", service.path("code").asString());
    if (residentId != null) {
      body.put("residentId", residentId);
    }
    body.put(
        "description",
        "Benchmark case " + n + ": " + service.path("name").asString("") + " reported by phone");
    body.put("channel", "PHONE");
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (JsonNode a : service.path("attributes")) {
      if (!a.path("required").asBoolean(false)) {
        continue;
      }
      String type = a.path("type").asString("STRING").toUpperCase(Locale.ROOT);
      String value =
          switch (type) {
            case "SINGLE_VALUE_LIST", "MULTI_VALUE_LIST", "SINGLEVALUELIST", "MULTIVALUELIST" ->
                a.path("values").path(0).path("key").asString("");
            case "NUMBER" -> "2";
            case "DATE", "DATETIME" -> LocalDate.now().minusDays(1).toString();
            case "TEXT" -> "Seen this morning, still there";
            default -> "Benchmark";
          };
      answers.put(a.path("code").asString(), List.of(value));
    }
    body.put("answers", answers);
    return JSON.writeValueAsString(body);
  }

  static List<JsonNode> services(BenchHttp http) throws IOException, InterruptedException {
    HttpResponse<String> r = http.getJson("/api/v1/services");
    BenchHttp.expect(r, 200, "GET /api/v1/services");
    List<JsonNode> active = new ArrayList<>();
    for (JsonNode s : JSON.readTree(r.body())) {
      if (s.path("active").asBoolean(true)) {
        active.add(s);
      }
    }
    if (active.isEmpty()) {
      throw new IllegalStateException("No active services in the catalogue");
    }
    return active;
  }

  /**
   * The bearer token to measure with: {@code bench.token} if given; else one issued to {@code
   * bench.user} by the admin, signing in through the form with the admin password, or, when no
   * password is given or it does not work (a reused database whose admin password is unknown), with
   * the admin API token from {@code bench.adminToken}.
   */
  static String token(String url, String defaultOwner, BenchReport out)
      throws IOException, InterruptedException {
    String given = BenchReport.setting("bench.token", null);
    if (given != null) {
      return given;
    }
    String owner = BenchReport.setting("bench.user", defaultOwner);
    String password =
        BenchReport.setting("bench.adminPassword", System.getenv("BOROUGH_ADMIN_PASSWORD"));
    String adminToken =
        BenchReport.setting("bench.adminToken", System.getenv("BENCH_ADMIN_API_TOKEN"));
    if (password != null) {
      try {
        String token =
            BenchHttp.issueToken(
                url, BenchReport.setting("bench.adminUser", "admin"), password, owner);
        out.say("Signed in as admin through the form and issued a token for " + owner);
        return token;
      } catch (IllegalStateException e) {
        if (adminToken == null) {
          throw e;
        }
        out.say("Form sign-in did not work (" + e.getMessage() + "); using the admin API token");
      }
    }
    if (adminToken == null) {
      throw new IllegalStateException(
          "Give the admin password (-Dbench.adminPassword=… or BOROUGH_ADMIN_PASSWORD),"
              + " an admin API token (-Dbench.adminToken=…) or a token (-Dbench.token=…)");
    }
    String token = BenchHttp.issueTokenAsAdmin(url, adminToken, owner);
    out.say("Issued a token for " + owner + " with the admin API token");
    return token;
  }
}
