// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.UUID;

/**
 * A local server that plays GOV.UK Notify's documented API (WireMock), shared by the tests like
 * {@link TestMail}: every message is accepted (201 with a notification id) unless a test stubs an
 * answer of its own for its recipient, at a higher priority.
 */
public final class TestNotify {

  public static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
  public static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
  public static final String API_KEY = "borough_tests-" + SERVICE_ID + "-" + SECRET;
  public static final String SMS_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
  public static final String LETTER_TEMPLATE = "a4a7e5b6-9f0e-4c0c-9a3e-0d5a33b1f1c2";
  public static final String CALLBACK_TOKEN = "notify-receipts-" + UUID.randomUUID();

  /** The id every message gets unless a test answers otherwise. */
  public static final String ANY_ID = "740e5834-3a29-46b4-9a6f-16142fde533a";

  private static WireMockServer server;

  private TestNotify() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      server = new WireMockServer(options().dynamicPort());
      server.start();
      for (String channel : new String[] {"email", "sms", "letter"}) {
        server.stubFor(
            post(urlEqualTo("/v2/notifications/" + channel))
                .atPriority(10)
                .willReturn(created(ANY_ID)));
      }
    }
    return server;
  }

  public static String url() {
    return server().baseUrl();
  }

  /** Notify's answer to a message it took, as its documentation shows it (shortened). */
  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(
      String id) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"id\":\""
                + id
                + "\",\"reference\":null,\"content\":{\"body\":\"...\"},"
                + "\"template\":{\"id\":\"x\",\"version\":1,\"uri\":\"x\"}}");
  }

  /** Notify's answer to a refused request: a status code and its errors. */
  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder refused(
      int status, String error, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"status_code\":"
                + status
                + ",\"errors\":[{\"error\":\""
                + error
                + "\",\"message\":\""
                + message
                + "\"}]}");
  }
}
