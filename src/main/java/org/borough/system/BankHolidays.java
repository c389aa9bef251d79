// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * England &amp; Wales bank holidays read from a file in the shape of the government's {@code
 * bank-holidays.json}. A copy is bundled; an admin can point Borough at a newer one.
 */
public final class BankHolidays {

  static final String DIVISION = "england-and-wales";
  static final String BUNDLED = "/calendar/bank-holidays-england-and-wales.json";

  private BankHolidays() {}

  /** Where a list loaded on the admin page is kept, so it survives a restart. */
  public static Path uploadedFile(Path dataDir) {
    return dataDir.resolve("calendar").resolve("bank-holidays.json");
  }

  /** The bundled list, 2015–2027. */
  public static Set<LocalDate> bundled() {
    try (InputStream in = BankHolidays.class.getResourceAsStream(BUNDLED)) {
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("The bundled bank holiday list cannot be read", e);
    }
  }

  /** Reads a file an admin supplied; says what is wrong with it if it is not the right shape. */
  public static Set<LocalDate> fromFile(Path file) {
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read bank holidays file " + file, e);
    }
  }

  /**
   * Parses the government's shape: {@code {'england-and-wales': {'events': [{'date': ...}]}}}.
   *
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  public static Set<LocalDate> parse(byte[] json) {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("The bank holidays file is not valid JSON");
    }
    JsonNode events = root.path(DIVISION).path("events");
    if (!events.isArray() || events.isEmpty()) {
      throw new IllegalArgumentException(
          "The bank holidays file has no \"" + DIVISION + "\".\"events\" list");
    }
    Set<LocalDate> dates = new TreeSet<>();
    for (JsonNode event : events) {
      String date = event.path("date").asString("");
      try {
        dates.add(LocalDate.parse(date));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "The bank holidays file has an event with a date that is not yyyy-mm-dd: " + date);
      }
    }
    return dates;
  }
}
