// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reports as FixMyStreet posts them to a running Borough: a random active service with every
 * required attribute answered, a point in the borough, a description, and a reporter drawn from
 * 5,000 people, so most reports link to a resident an earlier one registered. Shared by the Open311
 * benchmark and the crash tests.
 */
final class Open311Reports {

  private final BenchHttp http;
  private final String key;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Service> services;

  /** A service and the attributes a report must answer. */
  private record Service(String code, List<JsonNode> required) {}

  /**
   * Reads the services and their required attributes once, waiting up to {@code wait} for a server
   * that is still generating its demo catalogue (it answers before its start-up work is done).
   */
  Open311Reports(BenchHttp http, String key, Duration wait) throws Exception {
    this.http = http;
    this.key = key;
    Instant deadline = Instant.now().plus(wait);
    List<Service> found = read();
    while (found.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      found = read();
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("Open311 lists no services: is there demo data?");
    }
    this.services = found;
  }

  int count() {
    return services.size();
  }

  private List<Service> read() throws Exception {
    HttpResponse<String> list = http.get("/open311/v2/services.json");
    BenchHttp.expect(list, 200, "GET services.json");
    List<Service> found = new ArrayList<>();
    for (JsonNode s : json.readTree(list.body())) {
      String code = s.path("service_code").asString();
      List<JsonNode> required = new ArrayList<>();
      if (s.path("metadata").asBoolean(false)) {
        HttpResponse<String> def = http.get("/open311/v2/services/" + code + ".json");
        BenchHttp.expect(def, 200, "GET services/" + code + ".json");
        for (JsonNode a : json.readTree(def.body()).path("attributes")) {
          if (a.path("required").asBoolean(false) && a.path("variable").asBoolean(true)) {
            required.add(a);
          }
        }
      }
      found.add(new Service(code, required));
    }
    return found;
  }

  /** Posts report {@code n} to {@code requests.<format>} (xml or json). */
  HttpResponse<String> post(RandomGenerator r, long n, String format)
      throws IOException, InterruptedException {
    return post(r, n, format, null);
  }

  /** The same, with an {@code Idempotency-Key} header when {@code key} is not null. */
  HttpResponse<String> post(RandomGenerator r, long n, String format, String key)
      throws IOException, InterruptedException {
    int person = r.nextInt(5000);
    Map<String, String> form =
        form(r, n, "reporter" + person + "@bench.example.org", "Reporter" + person);
    return http.postForm(
        "/open311/v2/requests." + format,
        form,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  /** A JSON report from a reporter with this email address. */
  HttpResponse<String> postFrom(RandomGenerator r, long n, String email)
      throws IOException, InterruptedException {
    return http.postForm("/open311/v2/requests.json", form(r, n, email, "Reporter"), Map.of());
  }

  /**
   * A JSON report with these words from a reporter with this email address, with an {@code
   * Idempotency-Key} header when {@code key} is not null.
   */
  HttpResponse<String> post(RandomGenerator r, String description, String email, String key)
      throws IOException, InterruptedException {
    Map<String, String> form = form(r, 0, email, "Reporter");
    form.put("description", description);
    return http.postForm(
        "/open311/v2/requests.json", form, key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  private Map<String, String> form(RandomGenerator r, long n, String email, String lastName) {
    Service service = services.get(r.nextInt(services.size()));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", key);
    form.put("service_code", service.code());
    // Inside the demo borough's wards (DemoWardBoundaries): a point outside is refused.
    form.put("lat", String.format(Locale.ROOT, "%.6f", 51.46 + r.nextDouble() * 0.03));
    form.put("long", String.format(Locale.ROOT, "%.6f", -0.045 + r.nextDouble() * 0.06));
    for (JsonNode a : service.required()) {
      String code = a.path("code").asString();
      String datatype = a.path("datatype").asString();
      String value =
          switch (datatype) {
            case "singlevaluelist", "multivaluelist" ->
                a.path("values").path(0).path("key").asString();
            case "number" -> "2";
            case "datetime" -> LocalDate.now().minusDays(1) + "T09:00:00Z";
            default -> "benchmark";
          };
      form.put(
          "multivaluelist".equals(datatype)
              ? "attribute[" + code + "][]"
              : "attribute[" + code + "]",
          value);
    }
    form.put("email", email);
    form.put("first_name", "Bench");
    form.put("last_name", lastName);
    form.put("description", "Report " + n + " posted by an app");
    return form;
  }
}
