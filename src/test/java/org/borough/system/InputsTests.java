// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parsing helper every input goes through. Properties are checked over values drawn from a
 * seeded generator (a failure names its seed and try): jqwik targets JUnit Platform 1, while Spring
 * Boot 4 runs JUnit 6 (see HostileInputIT).
 */
class InputsTests {

  private static final long SEED = 20171215L;
  private static final int TRIES = 2_000;

  /**
   * Exponents that BigDecimal would expand to hundreds of millions of digits, or round for hours.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e600000000",
        "1E600000000",
        "1e-999999999",
        "-1e-999999999",
        "9.9e+999999999",
        "0.1e2147483647",
        "NaN",
        "Infinity",
        "-",
        ".",
        "+.",
        "1.2.3",
        "1,5",
        "0x10",
        "١٢",
        " ",
        ""
      })
  void refusesWhatIsNotAPlainDecimalQuickly(String text) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () -> {
          assertThat(Inputs.decimal(text, 12, 6)).as(text).isEmpty();
          assertThat(Inputs.decimalIn(text, BigDecimal.valueOf(-9), BigDecimal.valueOf(2), 6))
              .as(text)
              .isEmpty();
          assertThat(Inputs.whole(text, Long.MIN_VALUE, Long.MAX_VALUE)).as(text).isEmpty();
        });
    assertThat(Inputs.decimal(null, 12, 6)).isEmpty();
  }

  @Test
  void readsPlainDecimalsWithinTheirDigits() {
    assertThat(Inputs.decimal("12", 12, 6)).contains(new BigDecimal("12"));
    assertThat(Inputs.decimal(" 3.50 ", 12, 6).map(BigDecimal::toPlainString)).contains("3.5");
    assertThat(Inputs.decimal("-0.000001", 12, 6)).contains(new BigDecimal("-0.000001"));
    assertThat(Inputs.decimal(".5", 12, 6)).contains(new BigDecimal("0.5"));
    assertThat(Inputs.decimal("5.", 12, 6)).contains(new BigDecimal("5"));
    assertThat(Inputs.decimal("000000000000042", 12, 6)).contains(new BigDecimal("42"));
    assertThat(Inputs.decimal("1000000000000", 12, 6)).as("13 digits").isEmpty();
    assertThat(Inputs.decimal("0.0000001", 12, 6)).as("7 places").isEmpty();
    assertThat(Inputs.decimal("1.50000000000", 12, 6))
        .as("trailing zeros do not count")
        .isPresent();
  }

  @Test
  void roundsCoordinatesWithinTheirRange() {
    BigDecimal min = BigDecimal.valueOf(-9);
    BigDecimal max = BigDecimal.valueOf(2);
    assertThat(Inputs.decimalIn("-0.1415926535", min, max, 6))
        .contains(new BigDecimal("-0.141593"));
    assertThat(Inputs.decimalIn("2", min, max, 6)).contains(new BigDecimal("2"));
    assertThat(Inputs.decimalIn("2.0000001", min, max, 6)).isEmpty();
    assertThat(Inputs.decimalIn("-9.5", min, max, 6)).isEmpty();
    assertThat(Inputs.decimalIn("-10", min, max, 6)).isEmpty();
    assertThat(Inputs.decimalIn("0." + "1".repeat(21), min, max, 6)).as("21 places").isEmpty();
  }

  /** Any text at all: either empty, or a value with the digits allowed that equals the text's. */
  @Test
  void decimalsAreEitherRefusedOrWithinBoundsAndExact() {
    Random random = new Random(SEED);
    String alphabet = "0123456789.-+eE ,x";
    for (int i = 0; i < TRIES; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int c = 0; c < length; c++) {
        // Mostly digits, so that many draws are numbers.
        text.append(
            random.nextInt(4) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : (char) ('0' + random.nextInt(10)));
      }
      int integerDigits = 1 + random.nextInt(15);
      int fractionDigits = random.nextInt(10);
      String what = "seed " + SEED + ", try " + i + ": '" + text + "'";
      Optional<BigDecimal> d = Inputs.decimal(text.toString(), integerDigits, fractionDigits);
      if (d.isPresent()) {
        BigDecimal v = d.get();
        assertThat(v.compareTo(new BigDecimal(text.toString().trim()))).as(what).isZero();
        assertThat(Math.max(v.precision() - v.scale(), 0))
            .as(what)
            .isLessThanOrEqualTo(integerDigits);
        assertThat(Math.max(v.scale(), 0)).as(what).isLessThanOrEqualTo(fractionDigits);
      } else if (text.toString().trim().matches("[+-]?[0-9]{1,12}")) {
        assertThat(text.toString().replaceAll("[^0-9]", "").replaceFirst("^0+", "").length())
            .as(what + " refused only for its digits")
            .isGreaterThan(integerDigits);
      }
    }
  }

  @Test
  void wholeNumbersWithinTheirRangeAreExactlyTheirValue() {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < TRIES; i++) {
      long n = random.nextLong() >> random.nextInt(64);
      long min = -1_000_000;
      long max = 1_000_000;
      Optional<Long> read = Inputs.whole(Long.toString(n), min, max);
      assertThat(read)
          .as("seed " + (SEED + 1) + ", try " + i + ": " + n)
          .isEqualTo(n >= min && n <= max ? Optional.of(n) : Optional.empty());
    }
    assertThat(Inputs.whole("99999999999999999999999", 0, Long.MAX_VALUE)).isEmpty();
    assertThat(Inputs.integer("2147483648", 0, Integer.MAX_VALUE)).isEmpty();
    assertThat(Inputs.integer("+7", 1, 10)).contains(7);
    assertThat(Inputs.integer("7.0", 1, 10)).isEmpty();
  }

  @Test
  void idsOnlyInTheirCanonicalForm() {
    UUID id = UUID.randomUUID();
    assertThat(Inputs.uuid(id.toString())).contains(id);
    assertThat(Inputs.uuid(id.toString().toUpperCase())).contains(id);
    assertThat(Inputs.uuid("1-2-3-4-5")).as("UUID.fromString takes it").isEmpty();
    assertThat(Inputs.uuid(id + "0")).isEmpty();
    assertThat(Inputs.uuid("not an id")).isEmpty();
    assertThat(Inputs.uuid(null)).isEmpty();
  }

  @Test
  void datesOnlyWithinTheYearsBoroughReads() {
    assertThat(Inputs.date("2026-03-27")).contains(LocalDate.of(2026, 3, 27));
    assertThat(Inputs.date("1900-01-01")).contains(Inputs.EARLIEST_DATE);
    assertThat(Inputs.date("2199-12-31")).contains(Inputs.LATEST_DATE);
    assertThat(Inputs.date("1899-12-31")).isEmpty();
    assertThat(Inputs.date("2200-01-01")).isEmpty();
    assertThat(Inputs.date("+999999999-12-31")).as("LocalDate.parse takes it").isEmpty();
    assertThat(Inputs.date("2026-02-30")).isEmpty();
    assertThat(Inputs.date("27/03/2026")).isEmpty();
    assertThat(Inputs.date(null)).isEmpty();
  }
}
