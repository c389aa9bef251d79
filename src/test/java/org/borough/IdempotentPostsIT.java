// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 12: a client that retries a POST after a timeout gets the first answer again, never a
 * second case or contact: with an Idempotency-Key on the JSON API and Open311, and for an identical
 * Open311 report from the same app without one.
 */
class IdempotentPostsIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void aRetriedCaseWithTheSameKeyGetsTheSameReferenceAndMakesOneCase() throws Exception {
    String key = UUID.randomUUID().toString();
    String description = "Bin missed, posted twice " + key;
    MockHttpServletResponse first =
        mvc.perform(asAgent(newCase(description)).header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse();
    MockHttpServletResponse retried =
        mvc.perform(asAgent(newCase(description)).header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse();
    assertThat(retried.getHeader("Location")).isEqualTo(first.getHeader("Location"));
    assertThat(retried.getContentAsString()).isEqualTo(first.getContentAsString());
    assertThat(casesDescribed(description)).isEqualTo(1);
  }

  @Test
  void withoutAKeyTheApiMakesTwoCases() throws Exception {
    String description = "Bin missed, no key " + UUID.randomUUID();
    mvc.perform(asAgent(newCase(description))).andExpect(status().isCreated());
    mvc.perform(asAgent(newCase(description))).andExpect(status().isCreated());
    assertThat(casesDescribed(description)).isEqualTo(2);
  }

  @Test
  void aKeyReusedForAnotherRequestIsRefusedAsAProblem() throws Exception {
    String key = UUID.randomUUID().toString();
    mvc.perform(asAgent(newCase("First use " + key)).header("Idempotency-Key", key))
        .andExpect(status().isCreated());
    mvc.perform(asAgent(newCase("Second use " + key)).header("Idempotency-Key", key))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("different")));
    assertThat(casesDescribed("Second use " + key)).isZero();
  }

  @Test
  void aFailedRequestDoesNotUseUpItsKey() throws Exception {
    String key = UUID.randomUUID().toString();
    mvc.perform(
            asAgent(
                    post("/api/v1/cases")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceCode\": \"no-such-service\"}"))
                .header("Idempotency-Key", key))
        .andExpect(status().is4xxClientError());
    String description = "Corrected and retried " + key;
    mvc.perform(asAgent(newCase(description)).header("Idempotency-Key", key))
        .andExpect(status().isCreated());
    assertThat(casesDescribed(description)).isEqualTo(1);
  }

  @Test
  void aKeyThatIsNotPrintableAsciiIsRefused() throws Exception {
    mvc.perform(asAgent(newCase("Bad key")).header("Idempotency-Key", "x".repeat(256)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(casesDescribed("Bad key")).isZero();
  }

  @Test
  void aRetriedContactWithTheSameKeyIsLoggedOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String summary = "Asked about bins " + key;
    String body =
        "{\"channel\": \"PHONE\", \"direction\": \"INBOUND\", \"outcome\": \"INFORMATION_GIVEN\","
            + " \"summary\": \""
            + summary
            + "\"}";
    String first = postContact(body, key);
    String retried = postContact(body, key);
    assertThat(retried).isEqualTo(first);
    assertThat(
            jdbc.sql("select count(*) from contact where summary = ?")
                .param(summary)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anIdenticalOpen311ReportFromTheSameAppIsTheSameRequest() throws Exception {
    String description = "Pothole reported twice by an app " + UUID.randomUUID();
    String first = open311(description, null);
    String again = open311(description, null);
    assertThat(again).isEqualTo(first);
    assertThat(casesDescribed(description)).isEqualTo(1);
  }

  @Test
  void twoDifferentOpen311ReportsFromTheSameAppAreTwoRequests() throws Exception {
    String first = "First of two different reports " + UUID.randomUUID();
    String second = "Second of two different reports " + UUID.randomUUID();
    assertThat(open311(first, null)).isNotEqualTo(open311(second, null));
    assertThat(casesDescribed(first)).isEqualTo(1);
    assertThat(casesDescribed(second)).isEqualTo(1);
  }

  @Test
  void open311HonoursAnIdempotencyKeyAndRefusesItsReuseInItsOwnFormat() throws Exception {
    String key = UUID.randomUUID().toString();
    String description = "Keyed app report " + key;
    assertThat(open311(description, key)).isEqualTo(open311(description, key));
    mvc.perform(open311Report("Another report " + key, "xml").header("Idempotency-Key", key))
        .andExpect(status().isUnprocessableContent())
        .andExpect(xpath("/errors/error/code").string("422"))
        .andExpect(
            xpath("/errors/error/description")
                .string(org.hamcrest.Matchers.containsString("different request")));
    assertThat(casesDescribed(description)).isEqualTo(1);
  }

  @Test
  void retriesPostedAllAtOnceMakeOneCaseAndAllGetItsReference() throws Exception {
    // Real HTTP from several threads at once: each retry runs while the first is still in its
    // transaction, so only the key's primary key stands between them and a second case.
    String key = UUID.randomUUID().toString();
    String description = "Reported by an impatient app " + key;
    String form =
        "api_key="
            + Fixtures.OPEN311_KEY
            + "&service_code="
            + Fixtures.POTHOLE
            + "&lat=51.501009&long=-0.141588&email=impatient%40example.org&description="
            + URLEncoder.encode(description, StandardCharsets.UTF_8);
    HttpClient http = HttpClient.newHttpClient();
    int clients = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/open311/v2/requests.json"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
              }));
    }
    start.countDown();
    Set<String> references = new HashSet<>();
    for (Future<HttpResponse<String>> a : answers) {
      HttpResponse<String> r = a.get(60, TimeUnit.SECONDS);
      if (r.statusCode() / 100 == 2) {
        references.add(JsonPath.read(r.body(), "$[0].service_request_id"));
      } else {
        // Still in progress when the retry finished (H2 gives up waiting for the first's key).
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
      }
    }
    pool.shutdown();
    assertThat(references).hasSize(1);
    assertThat(casesDescribed(description)).isEqualTo(1);
  }

  private MockHttpServletRequestBuilder asAgent(MockHttpServletRequestBuilder request) {
    return request.with(signedIn.request(Fixtures.AGENT)).with(csrf());
  }

  private static MockHttpServletRequestBuilder newCase(String description) {
    return post("/api/v1/cases")
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            """
            {"serviceCode": "%s", "description": "%s",
             "channel": "PHONE", "answers": {"bin_type": ["general"]}}
            """
                .formatted(Fixtures.MISSED_BIN, description));
  }

  private String postContact(String body, String key) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                asAgent(
                        post("/api/v1/contacts")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse();
    return r.getHeader("Location");
  }

  private MockHttpServletRequestBuilder open311Report(String description, String format) {
    return post("/open311/v2/requests." + format)
        .param("api_key", Fixtures.OPEN311_KEY)
        .param("service_code", Fixtures.POTHOLE)
        .param("lat", "51.501009")
        .param("long", "-0.141588")
        .param("email", "twice@example.org")
        .param("description", description);
  }

  /** Posts a report and returns its service_request_id. */
  private String open311(String description, String key) throws Exception {
    MockHttpServletRequestBuilder request = open311Report(description, "json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    String json =
        mvc.perform(request)
            .andExpect(status().is2xxSuccessful())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$[0].service_request_id");
  }

  private long casesDescribed(String description) {
    return jdbc.sql("select count(*) from service_case where description = ?")
        .param(description)
        .query(Long.class)
        .single();
  }
}
