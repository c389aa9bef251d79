// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.borough.system.CsvCells;
import org.borough.system.Inputs;
import org.borough.system.UkFormats;

/**
 * A gazetteer file as councils hold one, read row by row (a file of half a million addresses is
 * never held whole). Columns are found by name in the first line, in either of two layouts:
 *
 * <ul>
 *   <li>lines already written: {@code UPRN, LINE1, LINE2, TOWN, POSTCODE, LATITUDE, LONGITUDE}
 *       ({@code ADDRESS_LINE_1}… and {@code POST_TOWN} are read too), as a council's own address
 *       list or an LLPG extract gives them;
 *   <li>AddressBase Core's parts: {@code ORGANISATION, SUB_BUILDING, BUILDING_NAME,
 *       BUILDING_NUMBER, STREET_NAME, LOCALITY}, put together into lines as Royal Mail writes them.
 * </ul>
 *
 * <p>Optional in both: {@code USRN}, {@code EASTING}/{@code X_COORDINATE}, {@code NORTHING}/{@code
 * Y_COORDINATE}, {@code CLASSIFICATION_CODE}, {@code WARD_CODE}, and {@code CHANGE_CODE}, whose
 * presence makes the file a change-only update (AddressBase's I, U and D) rather than the whole
 * gazetteer. Read by Apache Commons CSV, so a quoted value may hold commas and line breaks.
 */
final class GazetteerCsv {

  private static final BigDecimal MIN_LATITUDE = new BigDecimal("49.8");
  private static final BigDecimal MAX_LATITUDE = new BigDecimal("60.9");
  private static final BigDecimal MIN_LONGITUDE = new BigDecimal("-8.7");
  private static final BigDecimal MAX_LONGITUDE = new BigDecimal("1.8");
  private static final BigDecimal MAX_GRID = new BigDecimal("1300000");
  private static final Pattern WARD = Pattern.compile("[ENSW][0-9]{8}");
  private static final long MAX_UPRN = 999_999_999_999L;

  /** A column's names in the files Borough reads, lower case without spaces or underscores. */
  private enum Column {
    UPRN("uprn"),
    USRN("usrn"),
    LINE1("line1", "addressline1"),
    LINE2("line2", "addressline2"),
    LINE3("line3", "addressline3"),
    TOWN("posttown", "town", "townname"),
    POSTCODE("postcode", "postcodelocator"),
    LATITUDE("latitude", "lat"),
    LONGITUDE("longitude", "long", "lng", "lon"),
    EASTING("easting", "xcoordinate"),
    NORTHING("northing", "ycoordinate"),
    CLASSIFICATION("classificationcode", "classification"),
    WARD("wardcode", "ward"),
    CHANGE("changecode"),
    ORGANISATION("organisation", "organisationname"),
    SUB_BUILDING("subbuilding", "subbuildingname"),
    BUILDING_NAME("buildingname"),
    BUILDING_NUMBER("buildingnumber"),
    STREET("streetname", "streetdescription", "thoroughfare"),
    LOCALITY("locality", "dependentlocality");

    final List<String> names;

    Column(String... names) {
      this.names = List.of(names);
    }
  }

  /** What a row asks: add or update the address, or retire its UPRN (a change file's D). */
  enum Change {
    KEEP,
    RETIRE
  }

  /** What one row of the file gave: a row to load or a rejection. */
  sealed interface Read permits Row, Rejection {}

  /** A row read: the address (with only its UPRN when it retires one). */
  record Row(int line, Change change, Address address) implements Read {}

  /** A row that cannot be loaded, and why, in words an administrator can act on. */
  record Rejection(int line, Long uprn, String reason) implements Read {}

  /**
   * The file cannot be read as a gazetteer at all: its first line lacks a column Borough needs, or
   * it is not CSV (a quoted value never closed). Nothing in it is loaded.
   */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final Map<Column, Integer> columns = new HashMap<>();
  private long lastLine;

  GazetteerCsv(Reader reader) {
    try {
      this.parser = CsvCells.FORMAT.parse(reader);
      this.records = parser.iterator();
      if (!records.hasNext()) {
        throw new Unreadable("The file is empty: its first line must name the columns");
      }
      header(records.next());
      lastLine = parser.getCurrentLineNumber();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException e) {
      throw new Unreadable("The file is not CSV: " + e.getCause().getMessage());
    }
  }

  private void header(CSVRecord first) {
    Map<String, Integer> named = new HashMap<>();
    for (int c = 0; c < first.size(); c++) {
      String name =
          first.get(c).replace("\uFEFF", "").replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT);
      named.putIfAbsent(name, c);
    }
    for (Column column : Column.values()) {
      // The first name listed wins: POST_TOWN over TOWN_NAME when a file has both.
      column.names.stream()
          .filter(named::containsKey)
          .findFirst()
          .ifPresent(name -> columns.put(column, named.get(name)));
    }
    List<String> missing = new ArrayList<>();
    for (Column required :
        List.of(Column.UPRN, Column.TOWN, Column.POSTCODE, Column.LATITUDE, Column.LONGITUDE)) {
      if (!columns.containsKey(required)) {
        missing.add(required.name());
      }
    }
    if (!columns.containsKey(Column.LINE1) && !columns.containsKey(Column.STREET)) {
      missing.add("LINE1 (or STREET_NAME)");
    }
    if (!missing.isEmpty()) {
      throw new Unreadable(
          "The first line must name the columns UPRN, LINE1, TOWN, POSTCODE, LATITUDE and"
              + " LONGITUDE (or AddressBase's), but it has no "
              + String.join(", ", missing));
    }
  }

  /** Whether the file holds changes only (it has a CHANGE_CODE column), not the whole gazetteer. */
  boolean changesOnly() {
    return columns.containsKey(Column.CHANGE);
  }

  /** The next row, read or rejected; empty at the end of the file. */
  Optional<Read> next() {
    try {
      while (records.hasNext()) {
        CSVRecord record = records.next();
        // The line a spreadsheet shows the row start on: a quoted value's line breaks count.
        int line = (int) lastLine + 1;
        lastLine = parser.getCurrentLineNumber();
        if (record.stream().allMatch(String::isBlank)) {
          continue;
        }
        return Optional.of(row(record, line));
      }
      return Optional.empty();
    } catch (UncheckedIOException e) {
      throw new Unreadable(
          "The file stops being CSV after line "
              + parser.getCurrentLineNumber()
              + ": "
              + e.getCause().getMessage());
    }
  }

  private Read row(CSVRecord record, int line) {
    Optional<Long> uprn = Inputs.whole(cell(record, Column.UPRN), 1, MAX_UPRN);
    if (uprn.isEmpty()) {
      return new Rejection(
          line,
          null,
          "the UPRN '" + cell(record, Column.UPRN) + "' is not a number of 1 to 12 digits");
    }
    String change = cell(record, Column.CHANGE);
    if (change != null && !change.matches("[IUDiud]")) {
      return new Rejection(
          line, uprn.get(), "the CHANGE_CODE must be I (insert), U (update) or D (delete)");
    }
    if (change != null && change.equalsIgnoreCase("D")) {
      return new Row(line, Change.RETIRE, onlyUprn(uprn.get()));
    }
    List<String> problems = new ArrayList<>();
    String[] lines = lines(record);
    if (lines[0] == null) {
      problems.add("it has no address line");
    }
    String town = cell(record, Column.TOWN);
    if (town == null) {
      problems.add("it has no town");
    }
    String postcode = UkFormats.postcode(cell(record, Column.POSTCODE)).orElse(null);
    if (postcode == null) {
      problems.add(
          cell(record, Column.POSTCODE) == null
              ? "it has no postcode"
              : "'" + cell(record, Column.POSTCODE) + "' is not a UK postcode");
    }
    BigDecimal latitude =
        Inputs.decimalIn(cell(record, Column.LATITUDE), MIN_LATITUDE, MAX_LATITUDE, 6).orElse(null);
    BigDecimal longitude =
        Inputs.decimalIn(cell(record, Column.LONGITUDE), MIN_LONGITUDE, MAX_LONGITUDE, 6)
            .orElse(null);
    if (latitude == null || longitude == null) {
      problems.add("its latitude and longitude are not a place in the United Kingdom");
    }
    BigDecimal easting = grid(record, Column.EASTING, problems);
    BigDecimal northing = grid(record, Column.NORTHING, problems);
    Long usrn = null;
    if (cell(record, Column.USRN) != null) {
      usrn = Inputs.whole(cell(record, Column.USRN), 1, 99_999_999L).orElse(null);
      if (usrn == null) {
        problems.add("the USRN is not a number of 1 to 8 digits");
      }
    }
    String classification = cell(record, Column.CLASSIFICATION);
    if (classification != null && classification.length() > 6) {
      problems.add("the classification code is longer than 6 characters");
    }
    String ward = cell(record, Column.WARD);
    if (ward != null && !WARD.matcher(ward).matches()) {
      problems.add("the ward code '" + ward + "' is not a GSS code like E05000644");
    }
    tooLong(problems, "the first address line", lines[0], 200);
    tooLong(problems, "the other address lines", lines[1], 200);
    tooLong(problems, "the town", town, 100);
    if (!problems.isEmpty()) {
      return new Rejection(line, uprn.get(), String.join("; ", problems));
    }
    return new Row(
        line,
        Change.KEEP,
        new Address(
            uprn.get(),
            usrn,
            lines[0],
            lines[1],
            town,
            postcode,
            latitude,
            longitude,
            easting,
            northing,
            classification,
            ward,
            null));
  }

  /** Line 1 and the rest, from the written lines when the file has them, else from the parts. */
  private String[] lines(CSVRecord record) {
    List<String> parts = new ArrayList<>();
    if (columns.containsKey(Column.LINE1)) {
      for (Column c : List.of(Column.LINE1, Column.LINE2, Column.LINE3)) {
        add(parts, cell(record, c));
      }
    } else {
      add(parts, cell(record, Column.ORGANISATION));
      add(parts, cell(record, Column.SUB_BUILDING));
      add(parts, cell(record, Column.BUILDING_NAME));
      String number = cell(record, Column.BUILDING_NUMBER);
      String street = cell(record, Column.STREET);
      add(parts, number == null ? street : street == null ? number : number + " " + street);
      add(parts, cell(record, Column.LOCALITY));
    }
    if (parts.isEmpty()) {
      return new String[] {null, null};
    }
    String rest = parts.size() == 1 ? null : String.join(", ", parts.subList(1, parts.size()));
    return new String[] {parts.get(0), rest};
  }

  private static void add(List<String> parts, String part) {
    if (part != null) {
      parts.add(part);
    }
  }

  private BigDecimal grid(CSVRecord record, Column column, List<String> problems) {
    String text = cell(record, column);
    if (text == null) {
      return null;
    }
    Optional<BigDecimal> metres = Inputs.decimalIn(text, BigDecimal.ZERO, MAX_GRID, 2);
    if (metres.isEmpty()) {
      problems.add(
          "the "
              + column.name().toLowerCase(Locale.ROOT)
              + " is not a British National Grid figure in metres");
    }
    return metres.orElse(null);
  }

  private static void tooLong(List<String> problems, String what, String text, int max) {
    if (text != null && text.length() > max) {
      problems.add(what + " is longer than " + max + " characters");
    }
  }

  private String cell(CSVRecord record, Column column) {
    Integer c = columns.get(column);
    if (c == null || c >= record.size()) {
      return null;
    }
    return Inputs.stripped(record.get(c));
  }

  private static Address onlyUprn(long uprn) {
    return new Address(
        uprn, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
