// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicLocationTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "12 Acacia Road, Borough Town, SE14 5AB | Acacia Road, Borough Town, SE14",
        "Flat 3, 12 Acacia Road, Borough Town, SE14 5AB | Acacia Road, Borough Town, SE14",
        "Flat 3 12 Acacia Road | Acacia Road",
        "Apartment 2B, 7-9 High Street | High Street",
        "14a High Street, London E1 6AN | High Street, London, E1",
        "12, Acacia Road | Acacia Road",
        "Outside 12 Acacia Road, SE14 5AB | Acacia Road, SE14",
        "Opposite 140 Mill Lane | Mill Lane",
        "Near 3/5 Church Street | Church Street",
        "Junction of Acacia Road and Mill Lane, SE14 5AB | Junction of Acacia Road and Mill Lane, SE14",
        "High Street | High Street",
        "1 Test Street, London SW1A 1AA | Test Street, London, SW1A",
        "9 Private Road, London E1 6AN | Private Road, London, E1",
        "No. 4 Station Approach | Station Approach",
        "Ground floor flat, 22 Park Road | Park Road",
        "sw1a1aa | SW1A",
        "Rose Cottage, 3 Church Lane, London SW1A 1AA | Church Lane, London, SW1A",
        "The Old Rectory, Church Lane | Church Lane",
        "Flat 2b Rose Court, 14 High St | High St",
      })
  void keepsTheStreetAndDropsTheHome(String address, String street) {
    assertThat(PublicLocation.street(address)).isEqualTo(street);
  }

  @Test
  void aNumberAloneIsNoLocation() {
    assertThat(PublicLocation.street("12")).isNull();
    assertThat(PublicLocation.street("Flat 2, 12")).isNull();
    assertThat(PublicLocation.street(null)).isNull();
  }

  @Test
  void keepsNumbersThatAreNotAHouse() {
    // A road number or a number after the street is not a home.
    assertThat(PublicLocation.street("A205 South Circular")).isEqualTo("A205 South Circular");
    assertThat(PublicLocation.street("Acacia Road, Zone 2")).isEqualTo("Acacia Road, Zone 2");
  }

  @Test
  void roundsCoordinatesToAStreet() {
    assertThat(PublicLocation.coarse(new BigDecimal("51.501009"))).isEqualByComparingTo("51.501");
    assertThat(PublicLocation.coarse(new BigDecimal("-0.141588"))).isEqualByComparingTo("-0.142");
    assertThat(PublicLocation.coarse(null)).isNull();
  }
}
