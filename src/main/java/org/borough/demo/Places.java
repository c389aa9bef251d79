// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The fictional borough's geography: twenty wards in a grid in south-east London, streets in each,
 * and as many homes as the residents need. An address is a pure function of its index, so nothing
 * about a million homes has to be held in memory. Postcodes use districts SE30 to SE34, which have
 * the right shape but are not in use.
 */
final class Places {

  static final String TOWN = "London";
  static final long FIRST_UPRN = 100_099_000_000L;

  /** A ward, its GSS code, its centre and postcode district. */
  record WardPlace(
      String gssCode, String name, double latitude, double longitude, String district) {}

  /** A street in a ward; {@code sector} is the postcode sector digit. */
  record Street(int index, String name, int ward, int sector, double latitude, double longitude) {}

  /** One home. {@code line2} is the street address when {@code line1} is a flat. */
  record Home(
      long index,
      String line1,
      String line2,
      String postcode,
      long uprn,
      Street street,
      int houseNumber) {

    String wardCode(Places places) {
      return places.wards.get(street.ward()).gssCode();
    }

    String oneLine() {
      return line1 + (line2 == null ? "" : ", " + line2) + ", " + TOWN + ", " + postcode;
    }
  }

  private static final String[] WARD_NAMES = {
    "Alder Green", "Ashburton", "Barnfield", "Brookmill", "Canal Side",
    "Chalk Hill", "Church End", "Coldharbour", "Eastbrook", "Fernhill",
    "Hatcham Park", "Kingsmead", "Larkspur", "Marsh Lane", "Northgate",
    "Oakwood", "Priory", "Riverside", "St Saviour's", "Westcombe"
  };

  private static final String[] STREET_NAMES = {
    "Acacia",
    "Albert",
    "Alexandra",
    "Alma",
    "Ash",
    "Beech",
    "Birch",
    "Blenheim",
    "Bridge",
    "Brunswick",
    "Cambridge",
    "Cedar",
    "Chapel",
    "Charlotte",
    "Chestnut",
    "Church",
    "Clarence",
    "Coronation",
    "Cromwell",
    "Dartmouth",
    "Denmark",
    "Devonshire",
    "Elm",
    "Falmouth",
    "Gladstone",
    "Glebe",
    "Granville",
    "Grosvenor",
    "Hawthorn",
    "Hazel",
    "Highfield",
    "Holly",
    "Jubilee",
    "Kings",
    "Lansdowne",
    "Laurel",
    "Lime",
    "Manor",
    "Maple",
    "Market",
    "Mill",
    "Nelson",
    "Newlands",
    "Orchard",
    "Park",
    "Princes",
    "Queens",
    "Railway",
    "Rectory",
    "Richmond",
    "Rosebery",
    "Sandringham",
    "School",
    "Springfield",
    "Station",
    "Stanley",
    "Tennyson",
    "Trafalgar",
    "Vicarage",
    "Victoria",
    "Wellington",
    "Willow",
    "Windsor",
    "York"
  };

  private static final String[] STREET_KINDS = {
    "Road",
    "Street",
    "Avenue",
    "Close",
    "Grove",
    "Lane",
    "Gardens",
    "Terrace",
    "Way",
    "Crescent",
    "Place",
    "Rise",
    "Walk",
    "Mews",
    "Hill"
  };

  // Letters allowed in the last two places of a UK postcode.
  private static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
  private static final int STREETS_PER_WARD = 20;
  private static final int HOUSES_PER_STREET = 120;

  final List<WardPlace> wards;
  final List<Street> streets;
  private final long seed;
  private final long homes;

  /**
   * @param homes how many homes there are: residents share some of them
   */
  Places(long seed, long homes) {
    this.seed = seed;
    this.homes = Math.max(1, homes);
    List<WardPlace> w = new ArrayList<>();
    for (int i = 0; i < WARD_NAMES.length; i++) {
      int row = i / 5;
      int col = i % 5;
      w.add(
          new WardPlace(
              String.format("E05099%03d", i + 1),
              WARD_NAMES[i],
              51.4880 - row * 0.0090,
              -0.0420 + col * 0.0140,
              "SE3" + (i / 4)));
    }
    wards = List.copyOf(w);
    List<String> names = new ArrayList<>();
    for (String n : STREET_NAMES) {
      for (String k : STREET_KINDS) {
        names.add(n + " " + k);
      }
    }
    Random random = Seeds.random(seed, Seeds.STREETS, 0);
    Collections.shuffle(names, random);
    List<Street> s = new ArrayList<>();
    for (int i = 0; i < wards.size() * STREETS_PER_WARD; i++) {
      int ward = i % wards.size();
      WardPlace wp = wards.get(ward);
      s.add(
          new Street(
              i,
              names.get(i),
              ward,
              1 + random.nextInt(9),
              // Near enough the ward's centre that the street, its homes and the problems
              // reported in it lie inside the ward's boundary (DemoWardBoundaries).
              wp.latitude() + (random.nextDouble() - 0.5) * 0.005,
              wp.longitude() + (random.nextDouble() - 0.5) * 0.008));
    }
    streets = List.copyOf(s);
  }

  long homes() {
    return homes;
  }

  /** Home number {@code index} (0 to {@link #homes()} - 1). */
  Home home(long index) {
    int street = (int) (index % streets.size());
    long k = index / streets.size();
    int house = (int) (k % HOUSES_PER_STREET) + 1;
    int flat = (int) (k / HOUSES_PER_STREET);
    Street s = streets.get(street);
    String address = house + " " + s.name();
    return new Home(
        index,
        flat == 0 ? address : "Flat " + flat,
        flat == 0 ? null : address,
        postcode(street, house),
        FIRST_UPRN + index,
        s,
        house);
  }

  /** A random spot in the street, for problems reported outside a home. */
  String streetLocation(Street street, int house, Random random) {
    return switch (random.nextInt(6)) {
          case 0 ->
              "Junction of "
                  + street.name()
                  + " and "
                  + streets.get(random.nextInt(streets.size())).name();
          case 1 -> "Opposite " + house + " " + street.name();
          case 2 -> "Near " + house + " " + street.name();
          default -> "Outside " + house + " " + street.name();
        }
        + ", "
        + postcode(street.index(), house);
  }

  String postcode(int street, int house) {
    Street s = streets.get(street);
    // About a dozen homes share a postcode unit, as in a real street.
    long h = Seeds.hash(seed, Seeds.ADDRESSES, street * 1000L + (house - 1) / 12);
    int unit = (int) Long.remainderUnsigned(h, UNIT_LETTERS.length() * UNIT_LETTERS.length());
    return wards.get(s.ward()).district()
        + " "
        + s.sector()
        + UNIT_LETTERS.charAt(unit / UNIT_LETTERS.length())
        + UNIT_LETTERS.charAt(unit % UNIT_LETTERS.length());
  }
}
