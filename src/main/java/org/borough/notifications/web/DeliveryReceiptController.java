// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.borough.notifications.DeliveryReceipts;
import org.borough.notifications.notify.NotifyProperties;
import org.borough.system.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where GOV.UK Notify posts its delivery receipts, as set on Notify's callbacks page: this URL and
 * the bearer token {@code BOROUGH_NOTIFY_CALLBACK_TOKEN}. No staff session is involved; the token
 * is the only credential, compared in constant time.
 */
@RestController
class DeliveryReceiptController {

  static final String PATH = "/callbacks/notify/delivery-receipts";

  private static final Pattern STATUS = Pattern.compile("[a-z][a-z-]{0,29}");

  private final DeliveryReceipts receipts;
  private final NotifyProperties notify;
  private final JsonMapper json;
  private final Clock clock;

  DeliveryReceiptController(
      DeliveryReceipts receipts, NotifyProperties notify, JsonMapper json, Clock clock) {
    this.receipts = receipts;
    this.notify = notify;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> receipt(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody byte[] body) {
    String expected = notify.callbackToken();
    if (expected == null || expected.isBlank()) {
      return problem(
          HttpStatus.NOT_FOUND,
          "Delivery receipts are off",
          "Set BOROUGH_NOTIFY_CALLBACK_TOKEN to the token entered on Notify's callbacks page");
    }
    if (!matches(authorization, expected)) {
      return problem(
          HttpStatus.UNAUTHORIZED,
          "Unauthorized",
          "Send the callback token as Authorization: Bearer <token>");
    }
    JsonNode receipt = read(body);
    UUID notifyId = uuid(receipt, "id", true);
    UUID reference = uuid(receipt, "reference", false);
    String status = receipt.path("status").asString("");
    if (!STATUS.matcher(status).matches()) {
      throw InvalidInputException.of("status", "status must be one of Notify's statuses");
    }
    if (reference != null) {
      receipts.receive(reference, notifyId.toString(), status, completedAt(receipt));
    }
    // Every well-formed receipt is taken, even one for a message Borough no longer holds: any
    // other answer would have Notify send it again and again.
    return ResponseEntity.noContent().build();
  }

  private static boolean matches(String authorization, String expected) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected.strip().getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode read(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JacksonException e) {
      // answered below
    }
    throw InvalidInputException.of("body", "The body must be a JSON object, as Notify sends");
  }

  private static UUID uuid(JsonNode receipt, String field, boolean required) {
    JsonNode v = receipt.path(field);
    if (v.isMissingNode() || v.isNull()) {
      if (required) {
        throw InvalidInputException.of(field, field + " is required");
      }
      return null;
    }
    try {
      return UUID.fromString(v.asString(""));
    } catch (IllegalArgumentException e) {
      // A reference Borough did not give (another service's, say) names no message here.
      if (required) {
        throw InvalidInputException.of(field, field + " must be a UUID");
      }
      return null;
    }
  }

  private Instant completedAt(JsonNode receipt) {
    String at = receipt.path("completed_at").asString("");
    try {
      return at.isEmpty() ? clock.instant() : Instant.parse(at);
    } catch (DateTimeParseException e) {
      return clock.instant();
    }
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
