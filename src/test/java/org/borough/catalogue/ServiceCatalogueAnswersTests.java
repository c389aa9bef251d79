// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's check of answers, which the portal, the console, the JSON API and Open311 all go
 * through. It needs none of the catalogue's collaborators.
 */
class ServiceCatalogueAnswersTests {

  private final ServiceCatalogue catalogue = new ServiceCatalogue(null, null, null, null, null);

  private final ServiceDefinition pothole =
      new ServiceDefinition(
          "pothole",
          "Pothole",
          "Roads",
          "A pothole",
          true,
          null,
          Priority.HIGH,
          new SlaPolicy(8, SlaPolicy.Unit.WORKING_HOURS, 80, Set.of()),
          List.of(
              new ServiceAttribute(
                  "depth_cm",
                  "Depth in centimetres",
                  AttributeType.NUMBER,
                  false,
                  1,
                  null,
                  List.of()),
              new ServiceAttribute(
                  "seen_on", "Date seen", AttributeType.DATE, false, 2, null, List.of()),
              new ServiceAttribute(
                  "hazards",
                  "Hazards",
                  AttributeType.MULTI_VALUE_LIST,
                  false,
                  3,
                  null,
                  List.of(
                      new ServiceAttribute.Value("cyclists", "Danger to cyclists"),
                      new ServiceAttribute.Value("pedestrians", "Trip hazard")))));

  private Map<String, String> refused(Map<String, List<String>> answers) {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> catalogue.validateAnswers(pothole, answers));
    assertThat(e).as("refused: " + answers).isNotNull();
    return e.errors();
  }

  @Test
  void tidiesNumbersAndDates() {
    assertThat(
            catalogue.validateAnswers(
                pothole, Map.of("depth_cm", List.of("12.50"), "seen_on", List.of("2026-03-27"))))
        .containsEntry("depth_cm", List.of("12.5"))
        .containsEntry("seen_on", List.of("2026-03-27"));
    assertThat(catalogue.validateAnswers(pothole, Map.of("depth_cm", List.of("100"))))
        .containsEntry("depth_cm", List.of("100"));
  }

  /** Before: stored as a string of 101 digits; '1e600000000' was 600 million (OutOfMemoryError). */
  @Test
  void refusesANumberWrittenWithAnExponent() {
    assertThat(refused(Map.of("depth_cm", List.of("1e100"))))
        .containsEntry(
            "attr-depth_cm",
            "Depth in centimetres must be a number like 12 or 3.5, with at most 12 digits before"
                + " the decimal point and 6 after it");
  }

  @Test
  void refusesTheElevenCharacterOutOfMemoryAnswerAtOnce() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertThat(refused(Map.of("depth_cm", List.of("1e600000000"))))
              .containsKey("attr-depth_cm");
          assertThat(refused(Map.of("depth_cm", List.of("1e-999999999"))))
              .containsKey("attr-depth_cm");
        });
  }

  @Test
  void refusesNumbersWithMoreDigitsThanAnyMeasure() {
    assertThat(refused(Map.of("depth_cm", List.of("1" + "0".repeat(12)))))
        .containsKey("attr-depth_cm");
    assertThat(refused(Map.of("depth_cm", List.of("0.0000001")))).containsKey("attr-depth_cm");
    assertThat(refused(Map.of("depth_cm", List.of("9".repeat(100_000)))))
        .containsKey("attr-depth_cm");
  }

  @Test
  void refusesDatesOutsideTheYearsBoroughReads() {
    assertThat(refused(Map.of("seen_on", List.of("1899-12-31"))))
        .containsEntry(
            "attr-seen_on", "Date seen must be a date from 1900 to 2199, like 2026-03-27");
    assertThat(refused(Map.of("seen_on", List.of("+999999999-12-31")))).containsKey("attr-seen_on");
  }

  /** Before: 10,000 copies of one key were all stored. */
  @Test
  void takesEachListValueOnce() {
    assertThat(refused(Map.of("hazards", List.of("cyclists", "cyclists"))))
        .containsEntry("attr-hazards", "Hazards: choose each option once");
    assertThat(
            catalogue.validateAnswers(
                pothole, Map.of("hazards", List.of("cyclists", "pedestrians"))))
        .containsEntry("hazards", List.of("cyclists", "pedestrians"));
  }

  /** Before: one error for each of a client's unknown codes, a response as large as its request. */
  @Test
  void refusesAFloodOfUnknownQuestionsWithOneError() {
    Map<String, List<String>> flood = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      flood.put("q" + i, List.of("x"));
    }
    assertThat(refused(flood)).containsOnlyKeys("answers");
  }
}
