// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a case is, as the public may see it: the street, never the house. Whatever is shown to
 * people other than the reporter (nearby reports on the portal, Open311) goes through here, so that
 * a published case never points at one home.
 */
public final class PublicLocation {

  /** Three decimal places: about 110 m north to south and 70 m east to west in England. */
  public static final int COORDINATE_SCALE = 3;

  /** A part that names a dwelling rather than a street: "Flat 3", "Apartment 2B", "Unit 4". */
  private static final Pattern DWELLING =
      Pattern.compile(
          "(?i)^(flat|apartment|apt\\.?|unit|room|maisonette|studio|floor|basement|ground floor"
              + "|first floor|second floor|top floor)\\b.*");

  /**
   * A house number at the start, with the words that place a spot by it ("Outside 12", "Opp. 14a",
   * "Near 3-5"): "12 Acacia Road" is a home, "Acacia Road" is a street.
   */
  private static final Pattern HOUSE_NUMBER =
      Pattern.compile(
          "(?i)^(?:(?:outside|opposite|opp\\.?|near|by|behind|next to|in front of|rear of"
              + "|o/s|adjacent to|adj\\.?( to)?)\\s+)?(?:no\\.?\\s*)?\\d+[a-z]?"
              + "(?:\\s*[-/–]\\s*\\d+[a-z]?)?\\b[,\\s]*");

  /** A part that is nothing but a number: "12" in "12, Acacia Road". */
  private static final Pattern NUMBER_ONLY =
      Pattern.compile("(?i)^(?:no\\.?\\s*)?\\d+[a-z]?(?:\\s*[-/–]\\s*\\d+[a-z]?)?$");

  /** A full UK postcode; its inward part ("5AB") narrows it to a dozen homes, so it is dropped. */
  private static final Pattern POSTCODE =
      Pattern.compile("(?i)\\b([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*[0-9][A-Z]{2}\\b");

  private PublicLocation() {}

  /**
   * The street of an address: a flat or house number at its start is dropped, as is the inward part
   * of a postcode ("Flat 3, 12 Acacia Road, London SE14 5AB" becomes "Acacia Road, London, SE14").
   * Null when nothing but a number was given.
   */
  public static String street(String address) {
    if (address == null) {
      return null;
    }
    String text =
        POSTCODE.matcher(address).replaceAll(m -> ", " + m.group(1).toUpperCase(Locale.UK));
    List<String> kept = new ArrayList<>();
    for (String raw : text.split(",")) {
      String part = raw.trim().replaceAll("\\s+", " ");
      if (part.isEmpty() || NUMBER_ONLY.matcher(part).matches()) {
        continue;
      }
      if (kept.isEmpty()) {
        // Only the first parts name a home; a later one is a street, a town or a postcode.
        part = withoutHome(part);
        if (part == null) {
          continue;
        }
      }
      kept.add(part);
    }
    // "Rose Cottage, Church Lane": a house's name before its street names the home too.
    if (kept.size() > 1
        && !STREET.matcher(kept.get(0)).find()
        && STREET.matcher(kept.get(1)).find()) {
      kept.remove(0);
      String street = withoutHome(kept.remove(0));
      if (street != null) {
        kept.add(0, street);
      }
    }
    return kept.isEmpty() ? null : String.join(", ", kept);
  }

  /** A part without the flat or house number at its start; null when nothing else is left. */
  private static String withoutHome(String part) {
    // "Flat 3 12 Acacia Road" in one part: the dwelling's words, then the number.
    Matcher flat = FLAT_THEN_NUMBER.matcher(part);
    String rest = part;
    if (flat.lookingAt()) {
      rest = part.substring(flat.end()).trim();
    } else if (DWELLING.matcher(part).matches()) {
      return null;
    }
    Matcher number = HOUSE_NUMBER.matcher(rest);
    if (number.lookingAt()) {
      rest = rest.substring(number.end()).trim();
    }
    return rest.isEmpty() || NUMBER_ONLY.matcher(rest).matches() ? null : rest;
  }

  /**
   * A part that ends with what streets are called (Road, Lane, Close...): a street, not a house.
   */
  private static final Pattern STREET =
      Pattern.compile(
          "(?i)\\b(road|rd|street|st|lane|ln|avenue|ave|close|way|drive|place|court|gardens"
              + "|crescent|terrace|grove|hill|row|square|walk|park|mews|parade|rise|green|vale"
              + "|view|yard|approach|broadway|gate|wharf|embankment|circus|market|hall|end|side)"
              + "\\.?$");

  private static final Pattern FLAT_THEN_NUMBER =
      Pattern.compile(
          "(?i)^(?:flat|apartment|apt\\.?|unit|room|maisonette)\\s+[0-9a-z]+\\s+\\d+[a-z]?"
              + "(?:\\s*[-/–]\\s*\\d+[a-z]?)?\\s+(?=\\D)");

  /** A coordinate to {@link #COORDINATE_SCALE} decimal places: a street, not a front door. */
  public static BigDecimal coarse(BigDecimal degrees) {
    return degrees == null ? null : degrees.setScale(COORDINATE_SCALE, RoundingMode.HALF_UP);
  }
}
