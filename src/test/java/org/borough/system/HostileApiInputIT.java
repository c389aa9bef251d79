// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.TestNotify;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input at every JSON API endpoint the application maps (read from Spring's own request
 * mappings, so a new endpoint is covered without being listed): hostile path variables, query
 * parameters and bodies — broken JSON, JSON of the wrong shape, binary garbage, huge fields, wrong
 * content types — sent with an administrator's token, from a seeded generator so that a failure
 * names its seed. Never a server error, and every refusal is a problem document.
 *
 * <p>The online backup endpoint is left out: every try would write a copy of the database.
 */
class HostileApiInputIT extends IntegrationTest {

  private static final long SEED = 20261205L;
  private static final int TRIES = 12;
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  private static final List<String> VALUES =
      List.of(
          "",
          "0",
          "-1",
          "99999999999999999999999",
          "1e99999",
          "NaN",
          "null",
          "true",
          "BR-2026-000001",
          "00000000-0000-0000-0000-000000000000",
          "not-a-uuid",
          "'; drop table service_case; --",
          "<script>alert(1)</script>",
          "%ZZ",
          "%",
          "\u0000",
          "\u202Eevil",
          "𝕳𝖊𝖑𝖑𝖔 🚮",
          "x".repeat(5000),
          Fixtures.MISSED_BIN,
          Fixtures.WASTE);

  private static final List<String> JSON_FIELDS =
      List.of(
          "serviceCode",
          "code",
          "name",
          "residentId",
          "description",
          "status",
          "version",
          "teamId",
          "officerId",
          "latitude",
          "longitude",
          "attributes",
          "roles",
          "username",
          "displayName",
          "password",
          "scopes",
          "expiresAt",
          "amount",
          "date",
          "references",
          "action",
          "sql",
          "text",
          "id",
          "reference",
          "completed_at");

  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void theJsonApiNeverFailsWithAServerErrorAndRefusesWithProblems() throws Exception {
    List<String[]> endpoints = apiEndpoints();
    assertThat(endpoints).hasSizeGreaterThan(30);
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < TRIES; i++) {
      for (String[] e : endpoints) {
        String path = withVariables(e[1], random);
        MockHttpServletRequestBuilder request;
        try {
          request = MockMvcRequestBuilders.request(HttpMethod.valueOf(e[0]), path);
        } catch (IllegalArgumentException unencodable) {
          continue; // MockMvc itself refuses the path; a real client could not send it either
        }
        // Callbacks carry their own service's token, so that their bodies are read, not refused.
        request.header(
            "Authorization",
            "Bearer "
                + (e[1].startsWith("/callbacks/")
                    ? TestNotify.CALLBACK_TOKEN
                    : Fixtures.ADMIN_TOKEN));
        if (random.nextBoolean()) {
          request.header("Accept", random.nextBoolean() ? "application/json" : "*/*");
        }
        for (int p = random.nextInt(4); p > 0; p--) {
          request.param(pick(random, JSON_FIELDS), pick(random, VALUES));
        }
        body(request, random);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String what = "seed " + SEED + ", try " + i + ": " + e[0] + " " + path + " -> " + status;
        if (status >= 500) {
          failures.add(what + " " + abbreviate(response.getContentAsString()));
        } else if (status >= 400
            && status != 406
            && !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
          failures.add(what + " answered " + response.getContentType() + ", not a problem");
        }
      }
    }
    assertThat(failures).as("server errors and refusals that were not problems").isEmpty();
  }

  /** Every API mapping as {method, pattern}, the backup endpoint left out. */
  private List<String[]> apiEndpoints() {
    List<String[]> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
      for (String pattern : m.getKey().getPatternValues()) {
        boolean machine = pattern.startsWith("/api/") || pattern.startsWith("/callbacks/");
        if (!machine || pattern.startsWith("/api/v1/admin/backups")) {
          continue;
        }
        for (RequestMethod method : m.getKey().getMethodsCondition().getMethods()) {
          endpoints.add(new String[] {method.name(), pattern});
        }
      }
    }
    return endpoints;
  }

  private static String withVariables(String pattern, Random random) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value = pick(random, VALUES);
      String encoded =
          random.nextInt(4) == 0
              ? value // sent as typed: broken percent-encoding and all
              : java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      m.appendReplacement(path, Matcher.quoteReplacement(encoded.isEmpty() ? "x" : encoded));
    }
    m.appendTail(path);
    return path.toString();
  }

  /** No body, broken JSON, JSON of the wrong shape, binary garbage, or the wrong content type. */
  private static void body(MockHttpServletRequestBuilder request, Random random) {
    switch (random.nextInt(7)) {
      case 0 -> {}
      case 1 ->
          request
              .contentType("application/json")
              .content("{\"" + pick(random, JSON_FIELDS) + "\":");
      case 2 -> {
        StringBuilder json = new StringBuilder("{");
        for (int f = random.nextInt(6); f > 0; f--) {
          json.append('"').append(pick(random, JSON_FIELDS)).append("\":");
          json.append(
              switch (random.nextInt(5)) {
                case 0 -> "\"" + pick(random, VALUES).replace("\\", "").replace("\"", "") + "\"";
                case 1 -> "[1, {}, null]";
                case 2 -> "{\"a\": {\"b\": [[[]]]}}";
                case 3 -> "-1e400";
                default -> "null";
              });
          json.append(f > 1 ? "," : "");
        }
        request.contentType("application/json").content(json.append('}').toString());
      }
      case 3 -> {
        byte[] garbage = new byte[random.nextInt(2000)];
        random.nextBytes(garbage);
        request.contentType("application/json").content(garbage);
      }
      case 4 -> request.contentType("text/plain").content(pick(random, VALUES));
      case 5 -> request.contentType("application/xml").content("<a><b>1</b></a>");
      default ->
          request
              .contentType("application/json")
              .content("[" + "\"x\",".repeat(random.nextInt(3000)) + "1]");
    }
  }

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }
}
