// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a council's gazetteer file: its layouts, its lines, its mistakes. */
class GazetteerCsvTests {

  @Test
  void columnsAreFoundByNameInAnyOrderAndCase() {
    List<GazetteerCsv.Read> rows =
        read(
            "\uFEFFlongitude,Latitude,post_town,Postcode,Address Line 1,uprn\n"
                + "-0.1,51.5,London,sw1a1aa,10 Downing Street,100023336956\n");
    GazetteerCsv.Row row = (GazetteerCsv.Row) rows.get(0);
    assertThat(row.address().oneLine()).isEqualTo("10 Downing Street, London, SW1A 1AA");
    assertThat(row.address().uprn()).isEqualTo(100023336956L);
    assertThat(row.address().latitude()).isEqualByComparingTo("51.5");
  }

  @Test
  void addressBaseCorePartsMakeTheLinesRoyalMailWrites() {
    GazetteerCsv.Row row =
        (GazetteerCsv.Row)
            read("UPRN,ORGANISATION,SUB_BUILDING,BUILDING_NAME,BUILDING_NUMBER,STREET_NAME,"
                    + "LOCALITY,TOWN_NAME,POST_TOWN,POSTCODE,LATITUDE,LONGITUDE\n"
                    + "1,,Flat 3,Rose Court,7,Dale Road,Catford,Lewisham,London,SE6 1AA,"
                    + "51.44,-0.02\n")
                .get(0);
    assertThat(row.address().line1()).isEqualTo("Flat 3");
    assertThat(row.address().line2()).isEqualTo("Rose Court, 7 Dale Road, Catford");
    assertThat(row.address().town()).isEqualTo("London");
  }

  @Test
  void eachWrongValueIsNamedWithTheLineItStartsOn() {
    List<GazetteerCsv.Read> rows =
        read(
            "UPRN,LINE1,TOWN,POSTCODE,LATITUDE,LONGITUDE,WARD_CODE,USRN\n"
                + "\n"
                + "12x,1 A Street,London,SE1 1AA,51.5,-0.1,,\n"
                + "2,\"2 A Street,\nat the back\",London,SE1,51.5,-0.1,E0512,\n"
                + "3,,,SE1 1AA,51.5,-0.1,,123456789\n");
    assertThat(rows).extracting(r -> ((GazetteerCsv.Rejection) r).line()).containsExactly(3, 4, 6);
    assertThat(((GazetteerCsv.Rejection) rows.get(0)).reason())
        .isEqualTo("the UPRN '12x' is not a number of 1 to 12 digits");
    assertThat(((GazetteerCsv.Rejection) rows.get(1)).reason())
        .isEqualTo(
            "'SE1' is not a UK postcode; the ward code 'E0512' is not a GSS code like E05000644");
    assertThat(((GazetteerCsv.Rejection) rows.get(2)).reason())
        .isEqualTo(
            "it has no address line; it has no town; the USRN is not a number of 1 to 8 digits");
  }

  @Test
  void aChangeFileRetiresWhatItDeletes() {
    GazetteerCsv file =
        new GazetteerCsv(
            new StringReader(
                "UPRN,CHANGE_CODE,LINE1,TOWN,POSTCODE,LATITUDE,LONGITUDE\n7,D,,,,,\n8,X,,,,,\n"));
    assertThat(file.changesOnly()).isTrue();
    GazetteerCsv.Row deleted = (GazetteerCsv.Row) file.next().orElseThrow();
    assertThat(deleted.change()).isEqualTo(GazetteerCsv.Change.RETIRE);
    assertThat(deleted.address().uprn()).isEqualTo(7);
    assertThat(((GazetteerCsv.Rejection) file.next().orElseThrow()).reason())
        .contains("CHANGE_CODE must be I");
  }

  @Test
  void aFileWithoutTheColumnsOrNotCsvIsUnreadable() {
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(GazetteerCsv.Unreadable.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> read("UPRN,LINE1,TOWN,POSTCODE,LATITUDE\n"))
        .hasMessageEndingWith("it has no LONGITUDE");
    assertThatThrownBy(
            () ->
                read(
                    "UPRN,LINE1,TOWN,POSTCODE,LATITUDE,LONGITUDE\n"
                        + "1,\"unclosed,London,SE1 1AA,51.5,-0.1\n"))
        .isInstanceOf(GazetteerCsv.Unreadable.class)
        .hasMessageStartingWith("The file stops being CSV");
  }

  @Test
  void housesComeInNumberOrder() {
    List<String> lines = new ArrayList<>(List.of("Flat 10", "12A", "2", "Flat 2", "12", "010"));
    lines.sort(NaturalOrder.TEXT);
    assertThat(lines).containsExactly("2", "010", "12", "12A", "Flat 2", "Flat 10");
  }

  @Test
  void anAddressIsFoundByEachWordAndItsPostcodeWithoutItsSpace() {
    Address a =
        new Address(
            1,
            null,
            "Flat 2",
            "St. Saviour's Court",
            "London",
            "SE1 2AB",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(AddressWords.of(a))
        .containsExactly(
            "FLAT", "2", "ST", "SAVIOUR", "S", "COURT", "LONDON", "SE1", "2AB", "SE12AB");
    assertThat(AddressWords.of("  ,,  ")).isEmpty();
  }

  private static List<GazetteerCsv.Read> read(String text) {
    GazetteerCsv file = new GazetteerCsv(new StringReader(text));
    List<GazetteerCsv.Read> rows = new ArrayList<>();
    Optional<GazetteerCsv.Read> r;
    while ((r = file.next()).isPresent()) {
      rows.add(r.get());
    }
    return rows;
  }
}
