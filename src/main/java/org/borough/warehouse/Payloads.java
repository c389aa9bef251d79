// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseStatus;
import org.borough.governance.FinancialYear;
import org.borough.warehouse.LoadedEvent.Unreadable;
import tools.jackson.databind.JsonNode;

/**
 * Reading the fields of an event's JSON payload, each checked: a field that is missing or of the
 * wrong kind throws {@link Unreadable} naming it, and the event is quarantined with that reason.
 */
final class Payloads {

  private Payloads() {}

  static FinancialYear financialYear(JsonNode p, String field) {
    String v = text(p, field);
    return FinancialYear.parse(v)
        .orElseThrow(() -> new Unreadable(field + " is not a financial year like 2017/18: " + v));
  }

  static long pence(JsonNode p, String field) {
    JsonNode n = p.path(field);
    if (!n.isIntegralNumber() || n.asLong() < 0) {
      throw new Unreadable(field + " is missing or not whole pence");
    }
    return n.asLong();
  }

  static List<String> codes(JsonNode p, String field) {
    JsonNode n = p.path(field);
    if (!n.isArray() || n.isEmpty()) {
      throw new Unreadable(field + " is missing or empty");
    }
    List<String> codes = new java.util.ArrayList<>();
    for (JsonNode c : n) {
      if (!c.isString() || c.asString().isBlank()) {
        throw new Unreadable(field + " holds something that is not a code");
      }
      codes.add(c.asString());
    }
    return List.copyOf(codes);
  }

  static String optionalText(JsonNode p, String field) {
    JsonNode n = p.path(field);
    return n.isMissingNode() || n.isNull() ? null : n.asString();
  }

  static String text(JsonNode p, String field) {
    String v = optionalText(p, field);
    if (v == null || v.isBlank()) {
      throw new Unreadable(field + " is missing");
    }
    return v;
  }

  static UUID optionalUuid(JsonNode p, String field) {
    String v = optionalText(p, field);
    try {
      return v == null ? null : UUID.fromString(v);
    } catch (IllegalArgumentException ex) {
      throw new Unreadable(field + " is not a UUID: " + v);
    }
  }

  static UUID uuid(JsonNode p, String field) {
    UUID v = optionalUuid(p, field);
    if (v == null) {
      throw new Unreadable(field + " is missing");
    }
    return v;
  }

  static Instant optionalInstant(JsonNode p, String field) {
    JsonNode n = p.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      // Epoch seconds with a fraction, if the mapper ever writes dates as numbers.
      BigDecimal seconds = n.decimalValue();
      return Instant.ofEpochSecond(
          seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    try {
      return toMicros(Instant.parse(n.asString()));
    } catch (DateTimeParseException ex) {
      throw new Unreadable(field + " is not a time: " + n.asString());
    }
  }

  /**
   * The time as the CRM's database stored it: to the nearest microsecond, as H2 and PostgreSQL
   * round (an event may carry nanoseconds), so that an event and the row it changed agree to the
   * digit.
   */
  static Instant toMicros(Instant t) {
    Instant down = t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return t.getNano() % 1_000 >= 500 ? down.plusNanos(1_000) : down;
  }

  static Instant instant(JsonNode p, String field) {
    Instant v = optionalInstant(p, field);
    if (v == null) {
      throw new Unreadable(field + " is missing");
    }
    return v;
  }

  static CaseStatus status(JsonNode p, String field) {
    String v = text(p, field);
    try {
      return CaseStatus.valueOf(v);
    } catch (IllegalArgumentException ex) {
      throw new Unreadable(field + " is not a case status: " + v);
    }
  }

  static boolean bool(JsonNode p, String field) {
    JsonNode n = p.path(field);
    if (!n.isBoolean()) {
      throw new Unreadable(field + " is missing or not true/false");
    }
    return n.asBoolean();
  }
}
