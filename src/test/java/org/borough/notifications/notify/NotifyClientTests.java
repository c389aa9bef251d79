// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borough.support.TestNotify;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract with GOV.UK Notify's API (version 2), against a local server that plays it: the
 * request each channel makes, the token that authenticates it, and what each kind of refusal means
 * for the message.
 */
class NotifyClientTests {

  private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");
  private static final String TEMPLATE = "0b5a4f6e-7c1d-4e5f-8a9b-0c1d2e3f4a5b";

  private static WireMockServer notify;
  private NotifyClient client;

  @BeforeAll
  static void start() {
    notify = new WireMockServer(options().dynamicPort());
    notify.start();
  }

  @AfterAll
  static void stop() {
    notify.stop();
  }

  @BeforeEach
  void reset() {
    notify.resetAll();
    client = client(Map.of());
  }

  private static NotifyClient client(Map<String, String> templates) {
    return new NotifyClient(
        new NotifyProperties(
            TestNotify.API_KEY,
            URI.create(notify.baseUrl()),
            TEMPLATE,
            TEMPLATE,
            null,
            templates,
            null,
            Duration.ofSeconds(2)),
        JsonMapper.builder().build(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void aTextNamesTheNumberTemplatePersonalisationAndReferenceAndReturnsNotifysId()
      throws Exception {
    notify.stubFor(
        post(urlEqualTo("/v2/notifications/sms")).willReturn(TestNotify.created("id-1")));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("body", "Your report BR-2026-000123 is now in progress");
    fields.put("reference", "BR-2026-000123");

    String id = client.send(NotifyClient.Channel.SMS, TEMPLATE, "+447700900123", fields, "our-ref");

    assertThat(id).isEqualTo("id-1");
    notify.verify(
        postRequestedFor(urlEqualTo("/v2/notifications/sms"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"phone_number\":\"+447700900123\",\"template_id\":\""
                        + TEMPLATE
                        + "\",\"personalisation\":{\"body\":\"Your report BR-2026-000123 is now in"
                        + " progress\",\"reference\":\"BR-2026-000123\"},"
                        + "\"reference\":\"our-ref\"}")));
  }

  @Test
  void eachRequestCarriesATokenIssuedByTheServiceNowAndSignedWithTheSecret() throws Exception {
    notify.stubFor(
        post(urlEqualTo("/v2/notifications/email")).willReturn(TestNotify.created("id-2")));

    client.send(
        NotifyClient.Channel.EMAIL, TEMPLATE, "nell@example.org", Map.of("subject", "s"), null);

    String header =
        notify
            .findAll(postRequestedFor(urlEqualTo("/v2/notifications/email")))
            .get(0)
            .getHeader("Authorization");
    assertThat(header).startsWith("Bearer ");
    SignedJWT jwt = SignedJWT.parse(header.substring(7));
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
    assertThat(jwt.verify(new MACVerifier(TestNotify.SECRET.getBytes(StandardCharsets.UTF_8))))
        .isTrue();
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(TestNotify.SERVICE_ID);
    assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(
            notify
                .findAll(postRequestedFor(urlEqualTo("/v2/notifications/email")))
                .get(0)
                .getBodyAsString())
        .contains("\"email_address\":\"nell@example.org\"")
        .doesNotContain("\"reference\":null");
  }

  @Test
  void aLetterCarriesItsAddressInThePersonalisationAndNoRecipient() {
    notify.stubFor(
        post(urlEqualTo("/v2/notifications/letter")).willReturn(TestNotify.created("id-3")));

    client.send(
        NotifyClient.Channel.LETTER,
        TEMPLATE,
        null,
        Map.of("address_line_1", "Nell Notified", "address_line_2", "SW1A 1AA"),
        "r");

    notify.verify(
        postRequestedFor(urlEqualTo("/v2/notifications/letter"))
            .withRequestBody(
                equalToJson(
                    "{\"template_id\":\""
                        + TEMPLATE
                        + "\",\"personalisation\":{\"address_line_1\":\"Nell Notified\","
                        + "\"address_line_2\":\"SW1A 1AA\"},\"reference\":\"r\"}")));
  }

  @Test
  void aBadRequestIsPermanentAndCarriesNotifysReason() {
    notify.stubFor(
        post(urlEqualTo("/v2/notifications/sms"))
            .willReturn(
                TestNotify.refused(400, "ValidationError", "phone_number Not a UK mobile number")));

    assertThatThrownBy(() -> sms("+447700900999"))
        .isInstanceOfSatisfying(
            NotifyRefused.class,
            e -> {
              assertThat(e.permanent()).isTrue();
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage())
                  .contains("ValidationError", "phone_number Not a UK mobile number");
            });
  }

  @Test
  void aRefusedKeyTooManyRequestsOrAnErrorAtNotifyAreWorthTryingAgain() {
    for (int status : new int[] {403, 429, 500}) {
      notify.stubFor(
          post(urlEqualTo("/v2/notifications/sms"))
              .willReturn(TestNotify.refused(status, "Error" + status, "try later")));
      assertThatThrownBy(() -> sms("+447700900998"))
          .isInstanceOfSatisfying(
              NotifyRefused.class,
              e -> {
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.permanent()).isFalse();
                assertThat(e.getMessage()).contains("Error" + status);
              });
    }
  }

  @Test
  void anAnswerThatIsNotNotifysStillSaysWhatHappened() {
    notify.stubFor(
        post(urlEqualTo("/v2/notifications/sms"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(502)
                    .withBody("<html>Bad gateway</html>")));
    assertThatThrownBy(() -> sms("+447700900997"))
        .isInstanceOf(NotifyRefused.class)
        .hasMessageContaining("502");
  }

  @Test
  void aMessageMayHaveATemplateOfItsOwnAndAChannelWithoutOneIsOff() {
    NotifyClient own = client(Map.of("received.letter", "letter-template"));
    assertThat(own.template("RECEIVED", NotifyClient.Channel.LETTER)).contains("letter-template");
    assertThat(own.template("STATUS", NotifyClient.Channel.LETTER)).isEmpty();
    assertThat(own.template("STATUS", NotifyClient.Channel.SMS)).contains(TEMPLATE);
    assertThat(own.available()).isTrue();
  }

  @Test
  void theEnvironmentNamesAMessagesOwnTemplateAsTheReadmeSays() {
    var variables =
        new org.springframework.core.env.SystemEnvironmentPropertySource(
            org.springframework.core.env.StandardEnvironment
                .SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(
                "BOROUGH_NOTIFY_API_KEY",
                TestNotify.API_KEY,
                "BOROUGH_NOTIFY_SMS_TEMPLATE",
                TEMPLATE,
                "BOROUGH_NOTIFY_TEMPLATES_RECEIVED_LETTER",
                "letter-template"));
    NotifyProperties bound =
        new org.springframework.boot.context.properties.bind.Binder(
                org.springframework.boot.context.properties.source.ConfigurationPropertySources
                    .from(variables))
            .bindOrCreate("borough.notify", NotifyProperties.class);
    assertThat(bound.templates()).containsEntry("received.letter", "letter-template");
    assertThat(bound.smsTemplate()).isEqualTo(TEMPLATE);
    assertThat(bound.baseUrl()).hasToString("https://api.notifications.service.gov.uk");
  }

  @Test
  void withoutAKeyNothingGoesThroughNotifyAndTextsAreOff() {
    NotifyClient off =
        new NotifyClient(
            new NotifyProperties(
                null,
                URI.create(notify.baseUrl()),
                TEMPLATE,
                TEMPLATE,
                TEMPLATE,
                Map.of(),
                null,
                Duration.ofSeconds(2)),
            JsonMapper.builder().build(),
            Clock.systemUTC());
    assertThat(off.template("RECEIVED", NotifyClient.Channel.EMAIL)).isEmpty();
    assertThat(off.available()).isFalse();
  }

  @Test
  void aKeyThatIsNotANotifyKeyIsRefusedWithoutBeingRepeated() {
    String wrong = "borough-not-a-key-" + "x".repeat(60);
    assertThatThrownBy(() -> NotifyKey.parse(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BOROUGH_NOTIFY_API_KEY")
        .hasMessageNotContaining(wrong);
    assertThatThrownBy(() -> NotifyKey.parse("short"))
        .hasMessageContaining("too short")
        .hasMessageNotContaining("short\"");
    assertThat(NotifyKey.parse(TestNotify.API_KEY).serviceId()).isEqualTo(TestNotify.SERVICE_ID);
  }

  private String sms(String number) {
    return client.send(NotifyClient.Channel.SMS, TEMPLATE, number, Map.of("body", "b"), "r");
  }
}
