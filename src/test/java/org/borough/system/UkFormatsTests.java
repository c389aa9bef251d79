// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UkFormatsTests {

  // --- postcodes --------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "sw1a1aa, SW1A 1AA",
    "SW1A 1AA, SW1A 1AA",
    "'  sw1a   1aa ', SW1A 1AA",
    "EC1A 1BB, EC1A 1BB",
    "ec1a1bb, EC1A 1BB",
    "W1A 0AX, W1A 0AX",
    "M1 1AE, M1 1AE",
    "m11ae, M1 1AE",
    "B33 8TH, B33 8TH",
    "CR2 6XH, CR2 6XH",
    "DN55 1PT, DN55 1PT",
    "GIR 0AA, GIR 0AA",
    "gir0aa, GIR 0AA"
  })
  void normalisesUkPostcodesToUpperCaseWithOneSpace(String input, String expected) {
    assertThat(UkFormats.postcode(input)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12345",
        "SW1A", // outward code only
        "1AA", // inward code only
        "SW1A 1AAA", // inward code too long
        "SW1A1 1AA", // outward code too long
        "SWAA 1AA", // outward code needs a digit after the area
        "ABC1 1AA", // area is one or two letters
        "SW1A 11A", // inward code is a digit then two letters
        "SW1A 1CA", // C is never used in the inward code
        "SW1A 1AI", // nor I
        "SW1A 1KA", // nor K
        "SW1A 1AM", // nor M
        "SW1A 1OA", // nor O
        "SW1A 1AV", // nor V
        "SW1A-1AA",
        "GIR 0AB",
        "not a postcode"
      })
  void rejectsThingsThatAreNotUkPostcodes(String input) {
    assertThat(UkFormats.postcode(input)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void rejectsMissingPostcodes(String input) {
    assertThat(UkFormats.postcode(input)).isEmpty();
  }

  // --- phone numbers ----------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "07700 900123, +447700900123",
    "07700900123, +447700900123",
    "+44 7700 900123, +447700900123",
    "+447700900123, +447700900123",
    "0044 7700 900123, +447700900123",
    "+44 (0)7700 900123, +447700900123",
    "+44 (0)20 7946 0123, +442079460123",
    "020 7946 0123, +442079460123",
    "(020) 7946-0123, +442079460123",
    "020.7946.0123, +442079460123",
    "'  020 7946 0123  ', +442079460123",
    "0113 496 0000, +441134960000",
    "0300 123 4567, +443001234567",
    "0800 123 4567, +448001234567"
  })
  void normalisesUkPhoneNumbersToE164(String input, String expected) {
    assertThat(UkFormats.phone(input)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12345", // too short
        "7700 900123", // no trunk or country prefix
        "+33 1 23 45 67 89", // French
        "0033 1 23 45 67 89", // French, international prefix
        "07700 9001", // too few digits
        "07700 9001234567", // too many digits
        "04700 900123", // 04 is not in use
        "06700 900123", // 06 is not in use
        "0770O 900123", // a letter O for a zero
        "phone me",
        "07700 900123 ext", // letters after the number
        "07700+900123" // a plus in the middle
      })
  void rejectsThingsThatAreNotUkPhoneNumbers(String input) {
    assertThat(UkFormats.phone(input)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void rejectsMissingPhoneNumbers(String input) {
    assertThat(UkFormats.phone(input)).isEmpty();
  }

  @Test
  void writesAMobileNumberAsPeopleInTheUkDo() {
    assertThat(UkFormats.displayPhone("+447700900123")).isEqualTo("07700 900123");
  }

  @Test
  void writesALondonNumberAsPeopleInTheUkDo() {
    assertThat(UkFormats.displayPhone("+442079460123")).isEqualTo("020 7946 0123");
  }

  @Test
  void displayPhoneRoundTripsANormalisedNumber() {
    for (String written : new String[] {"07700 900123", "020 7946 0123"}) {
      String e164 = UkFormats.phone(written).orElseThrow();
      assertThat(UkFormats.displayPhone(e164)).isEqualTo(written);
      assertThat(UkFormats.phone(UkFormats.displayPhone(e164))).contains(e164);
    }
  }

  @Test
  void displayPhoneLeavesNonUkAndMissingNumbersAlone() {
    assertThat(UkFormats.displayPhone("+33123456789")).isEqualTo("+33123456789");
    assertThat(UkFormats.displayPhone(null)).isNull();
  }

  @Test
  void displayPhoneWritesANineDigitNumberWithItsTrunkPrefix() {
    assertThat(UkFormats.displayPhone("+44169771234")).isEqualTo("0169771234");
  }

  // --- email ------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "jo.bloggs@example.com, jo.bloggs@example.com",
    "Jo.Bloggs@Example.COM, jo.bloggs@example.com",
    "'  jo@example.org.uk  ', jo@example.org.uk",
    "jo+council@mail.example.gov.uk, jo+council@mail.example.gov.uk",
    "o'brien@example.ie, o'brien@example.ie",
    "first_last-1@sub-domain.example.com, first_last-1@sub-domain.example.com"
  })
  void acceptsEmailAddressesAndStoresThemTrimmedAndLowerCase(String input, String expected) {
    assertThat(UkFormats.email(input)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jo.bloggs",
        "jo.bloggs@",
        "@example.com",
        "jo@example", // no top-level domain
        "jo@@example.com",
        "jo@bloggs@example.com",
        "jo bloggs@example.com",
        "jo@exam ple.com",
        "jo@.example.com",
        "jo@example..com",
        "jo@example.com.",
        "jo@exa_mple.com",
        "<jo@example.com>"
      })
  void rejectsThingsThatAreNotEmailAddresses(String input) {
    assertThat(UkFormats.email(input)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void rejectsMissingEmailAddresses(String input) {
    assertThat(UkFormats.email(input)).isEmpty();
  }

  @Test
  void acceptsAnEmailAddressOf254Characters() {
    String address = longAddress(57);
    assertThat(address).hasSize(254);
    assertThat(UkFormats.email(address)).contains(address);
  }

  @Test
  void rejectsAnEmailAddressLongerThan254Characters() {
    String address = longAddress(58);
    assertThat(address).hasSize(255);
    assertThat(UkFormats.email(address)).isEmpty();
  }

  @Test
  void measuresTheLengthOfAnEmailAddressAfterTrimming() {
    String padded = "  " + longAddress(57) + "  ";
    assertThat(UkFormats.email(padded)).contains(longAddress(57));
  }

  /** 64-character local part, labels of at most 63: 190 + {@code lastLabel} + 4 characters. */
  private static String longAddress(int lastLabel) {
    return "a".repeat(64)
        + "@"
        + "b".repeat(63)
        + "."
        + "c".repeat(63)
        + "."
        + "d".repeat(lastLabel)
        + ".com";
  }
}
