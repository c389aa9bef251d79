// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.borough.places.Address;

/**
 * The demo borough's gazetteer: every home of {@link Places} with its UPRN, its street's USRN, a
 * position along its street and its ward, made one at a time as the load reads them.
 */
final class DemoGazetteer implements Iterable<Address> {

  /** The first USRN: one street each after it, in a range no real authority uses. */
  static final long FIRST_USRN = 99_000_000L;

  /**
   * How far apart neighbouring houses stand, in degrees of longitude: close enough that a street's
   * houses stay inside its ward's boundary (DemoWardBoundaries).
   */
  private static final double HOUSE_SPACING = 0.00001;

  private final Places places;

  DemoGazetteer(Places places) {
    this.places = places;
  }

  @Override
  public Iterator<Address> iterator() {
    return new Iterator<>() {
      long next;

      @Override
      public boolean hasNext() {
        return next < places.homes();
      }

      @Override
      public Address next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return address(places.home(next++));
      }
    };
  }

  Address address(Places.Home home) {
    Places.Street street = home.street();
    double along = (home.houseNumber() - 60) * HOUSE_SPACING;
    return new Address(
        home.uprn(),
        FIRST_USRN + street.index(),
        home.line1(),
        home.line2(),
        Places.TOWN,
        home.postcode(),
        degrees(street.latitude()),
        degrees(street.longitude() + along),
        null,
        null,
        home.line2() == null ? "RD04" : "RD06", // a terraced house, a self-contained flat
        home.wardCode(places),
        null);
  }

  private static BigDecimal degrees(double d) {
    return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
