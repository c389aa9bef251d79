// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications.notify;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.borough.residents.TextMessages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends emails, text messages and letters through GOV.UK Notify's API (version 2), as its
 * documentation describes: a JSON body naming the template, the recipient and the personalisation,
 * and a signed token ({@link NotifyKey}). Notify answers with the id of its notification, which its
 * delivery receipts name.
 */
@Component
public class NotifyClient implements TextMessages {

  /** The ways Notify sends, with the path of each. */
  public enum Channel {
    EMAIL,
    SMS,
    LETTER;

    String path() {
      return "/v2/notifications/" + name().toLowerCase(Locale.ROOT);
    }
  }

  private final NotifyProperties properties;
  private final NotifyKey key;
  private final RestClient http;
  private final JsonMapper json;
  private final Clock clock;

  NotifyClient(NotifyProperties properties, JsonMapper json, Clock clock) {
    this.properties = properties;
    // A key that cannot be read stops Borough starting, rather than every message failing later.
    this.key = properties.configured() ? NotifyKey.parse(properties.apiKey()) : null;
    this.json = json;
    this.clock = clock;
    var requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
    requests.setReadTimeout(properties.timeout());
    this.http =
        RestClient.builder()
            .baseUrl(properties.baseUrl().toString())
            .requestFactory(requests)
            .build();
  }

  /**
   * The template for a message on a channel: the one for that message, else the channel's; empty
   * when Notify is not configured or the channel has no template (the channel is then off).
   */
  public Optional<String> template(String message, Channel channel) {
    if (key == null) {
      return Optional.empty();
    }
    String own =
        properties
            .templates()
            .get(message.toLowerCase(Locale.ROOT) + "." + channel.name().toLowerCase(Locale.ROOT));
    if (own != null && !own.isBlank()) {
      return Optional.of(own.strip());
    }
    String general =
        switch (channel) {
          case EMAIL -> properties.emailTemplate();
          case SMS -> properties.smsTemplate();
          case LETTER -> properties.letterTemplate();
        };
    return general == null || general.isBlank() ? Optional.empty() : Optional.of(general.strip());
  }

  /** Texts go only through Notify, once it has a template for them. */
  @Override
  public boolean available() {
    boolean general = properties.smsTemplate() != null && !properties.smsTemplate().isBlank();
    return key != null
        && (general
            || properties.templates().entrySet().stream()
                .anyMatch(t -> t.getKey().endsWith(".sms") && !t.getValue().isBlank()));
  }

  /**
   * Asks Notify to send one message; returns Notify's id for it.
   *
   * @param recipient the email address or the mobile number; null for a letter, whose address is in
   *     the personalisation ({@code address_line_1} to {@code address_line_7})
   * @param reference Borough's own id for the message, which delivery receipts carry back
   * @throws NotifyRefused when Notify answers with an error
   * @throws org.springframework.web.client.ResourceAccessException when it cannot be reached
   */
  public String send(
      Channel channel,
      String template,
      String recipient,
      Map<String, String> personalisation,
      String reference) {
    if (key == null) {
      throw new IllegalStateException("GOV.UK Notify is not configured (BOROUGH_NOTIFY_API_KEY)");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    switch (channel) {
      case EMAIL -> body.put("email_address", recipient);
      case SMS -> body.put("phone_number", recipient);
      case LETTER -> {}
    }
    body.put("template_id", template);
    body.put("personalisation", personalisation);
    if (reference != null) {
      body.put("reference", reference);
    }
    return http.post()
        .uri(channel.path())
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key.token(clock.instant()))
        .contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsString(body))
        .exchange(
            (request, response) -> {
              String answer = response.bodyTo(String.class);
              int status = response.getStatusCode().value();
              if (status == 201 || status == 200) {
                String id = field(answer, "id");
                if (id == null) {
                  throw new NotifyRefused(status, "no notification id in the answer");
                }
                return id;
              }
              throw new NotifyRefused(status, reason(answer));
            });
  }

  /** Notify's own words for an error: the first of its {@code errors}, else the status alone. */
  private String reason(String answer) {
    try {
      JsonNode first = json.readTree(answer == null ? "" : answer).path("errors").path(0);
      if (first.isObject()) {
        return first.path("error").asString("")
            + (first.has("message") ? " — " + first.path("message").asString("") : "");
      }
    } catch (JacksonException notJson) {
      // A proxy's error page, say: the status says enough.
    }
    return "no details given";
  }

  private String field(String answer, String name) {
    try {
      JsonNode v = json.readTree(answer == null ? "" : answer).path(name);
      return v.isString() ? v.asString() : null;
    } catch (JacksonException notJson) {
      return null;
    }
  }
}
