// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The gazetteer end to end on H2 and PostgreSQL, through the JSON API: a council's file loads, is
 * found by postcode, words and UPRN, and loads again as a change; a wrong file changes nothing.
 * Every test starts with a whole file of its own, which retires whatever the one before loaded.
 */
class GazetteerIT extends IntegrationTest {

  private static final String HEADING =
      "UPRN,USRN,LINE1,LINE2,TOWN,POSTCODE,LATITUDE,LONGITUDE,CLASSIFICATION_CODE,WARD_CODE\n";

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;

  @Test
  void aWholeFileIsFoundByPostcodeByWordsAndByUprn() throws Exception {
    String report =
        load(
            HEADING
                + "100001,9001,12 Acacia Road,,London,SE30 1AB,51.48,-0.04,RD04,"
                + Fixtures.WARD
                + "\n"
                + "100002,9001,Flat 2,12 Acacia Road,London,se301ab,51.48,-0.04,RD06,\n"
                + "100003,9001,Flat 10,12 Acacia Road,London,SE30 1AB,51.48,-0.04,RD06,\n"
                + "100004,9001,2 Acacia Road,,London,SE30 1AB,51.4801,-0.0402,RD04,\n"
                + "100005,9001,\"The Old Forge, Unit 1\",10 Acacia Road,London,SE30 1AB,51.48,-0.04,CI03,\n"
                + "100006,9002,7 Birch Street,,London,SE30 2BD,51.49,-0.05,RD04,\n");
    assertThat((Integer) JsonPath.read(report, "$.added")).as(report).isEqualTo(6);
    assertThat((Integer) JsonPath.read(report, "$.rejected")).isZero();

    String street = lookup("postcode", "se30 1ab");
    List<String> lines = JsonPath.read(street, "$[*].line1");
    assertThat(lines)
        .as("houses by number, then the flats of a building by number")
        .containsExactly(
            "2 Acacia Road", "The Old Forge, Unit 1", "12 Acacia Road", "Flat 2", "Flat 10");
    assertThat((String) JsonPath.read(street, "$[0].postcode")).isEqualTo("SE30 1AB");
    assertThat((Object) JsonPath.read(street, "$[2].uprn")).isEqualTo(100001);
    assertThat((String) JsonPath.read(street, "$[2].wardCode")).isEqualTo(Fixtures.WARD);

    assertThat(uprns(lookup("q", "flat 12 acac"))).containsExactly(100002, 100003);
    assertThat(uprns(lookup("q", "SE302BD"))).containsExactly(100006);
    assertThat(uprns(lookup("q", "forge"))).containsExactly(100005);
    assertThat(uprns(lookup("q", "7 birch london"))).containsExactly(100006);
    assertThat(uprns(lookup("q", "12 elm"))).isEmpty();

    String one = ok(get("/api/v1/addresses/100002"));
    assertThat((String) JsonPath.read(one, "$.line2")).isEqualTo("12 Acacia Road");
    assertThat((Object) JsonPath.read(one, "$.usrn")).isEqualTo(9001);
    assertThat((Object) JsonPath.read(one, "$.retiredAt")).isNull();
  }

  @Test
  void loadingAgainChangesOnlyWhatChangedAndRetiresWhatIsGone() throws Exception {
    load(
        HEADING
            + "200001,,1 Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n"
            + "200002,,2 Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n"
            + "200003,,3 Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n");

    String report =
        load(
            HEADING
                + "200001,,1 Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n"
                + "200002,,2a Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n"
                + "200004,,4 Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n");
    assertThat(counts(report)).containsExactly(1, 1, 1, 1);
    assertThat((List<String>) JsonPath.read(lookup("postcode", "SE31 1AA"), "$[*].line1"))
        .containsExactly("1 Cedar Close", "2a Cedar Close", "4 Cedar Close");
    assertThat(uprns(lookup("q", "2a cedar"))).containsExactly(200002);
    assertThat(uprns(lookup("q", "3 cedar"))).as("a retired address is not offered").isEmpty();
    String retired = ok(get("/api/v1/addresses/200003"));
    assertThat((String) JsonPath.read(retired, "$.line1"))
        .as("a case pointing at a retired UPRN still finds its address")
        .isEqualTo("3 Cedar Close");
    assertThat((Object) JsonPath.read(retired, "$.retiredAt")).isNotNull();

    // The same file again changes nothing; the retired address coming back counts as changed.
    assertThat(
            counts(
                load(
                    HEADING
                        + "200001,,1 Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n"
                        + "200002,,2a Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n"
                        + "200003,,3 Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n"
                        + "200004,,4 Cedar Close,,London,SE31 1AA,51.47,-0.03,,\n")))
        .containsExactly(0, 1, 0, 3);
    assertThat((Object) JsonPath.read(ok(get("/api/v1/addresses/200003")), "$.retiredAt")).isNull();
  }

  @Test
  void anAddressBaseChangeFileAppliesItsChangesOnly() throws Exception {
    load(
        HEADING
            + "300001,,1 Dale Road,,London,SE32 1AA,51.46,-0.02,,\n"
            + "300002,,2 Dale Road,,London,SE32 1AA,51.46,-0.02,,\n");

    String report =
        load(
            "UPRN,CHANGE_CODE,ORGANISATION,SUB_BUILDING,BUILDING_NAME,BUILDING_NUMBER,STREET_NAME,"
                + "LOCALITY,TOWN_NAME,POST_TOWN,POSTCODE,EASTING,NORTHING,LATITUDE,LONGITUDE\n"
                + "300003,I,,Flat 3,Rose Court,7,Dale Road,,Lewisham,London,SE32 1AA,"
                + "537000.5,176000,51.46,-0.02\n"
                + "300001,D,,,,,,,,,,,,,\n"
                + "300002,U,Dale Stores,,,2,Dale Road,Catford,,London,SE32 1AA,,,51.46,-0.02\n");
    assertThat(counts(report)).containsExactly(1, 1, 1, 0);
    assertThat(uprns(lookup("postcode", "SE32 1AA"))).containsExactly(300002, 300003);
    String rose = ok(get("/api/v1/addresses/300003"));
    assertThat((String) JsonPath.read(rose, "$.line1")).isEqualTo("Flat 3");
    assertThat((String) JsonPath.read(rose, "$.line2")).isEqualTo("Rose Court, 7 Dale Road");
    assertThat((String) JsonPath.read(rose, "$.town")).as("POST_TOWN first").isEqualTo("London");
    assertThat((Double) JsonPath.read(rose, "$.easting")).isEqualTo(537000.5);
    String shop = ok(get("/api/v1/addresses/300002"));
    assertThat((String) JsonPath.read(shop, "$.line1")).isEqualTo("Dale Stores");
    assertThat((String) JsonPath.read(shop, "$.line2")).isEqualTo("2 Dale Road, Catford");
    assertThat((Object) JsonPath.read(ok(get("/api/v1/addresses/300001")), "$.retiredAt"))
        .isNotNull();
  }

  @Test
  void badRowsAreListedWithTheirLinesAndTheRestLoad() throws Exception {
    StringBuilder file = new StringBuilder(HEADING);
    for (int i = 1; i <= 40; i++) {
      file.append(400000 + i)
          .append(",,")
          .append(i)
          .append(" Elm Row,,London,SE33 1AA,51.45,-0.01,,\n");
    }
    file.append("400041,,41 Elm Row,,London,NOT A POSTCODE,51.45,-0.01,,\n")
        .append("400001,,1 Elm Row again,,London,SE33 1AA,51.45,-0.01,,\n")
        .append("400042,,\"42 Elm Row,\nupstairs\",,London,SE33 1AA,40.0,-0.01,,\n")
        .append("400043,,43 Elm Row,,London,SE33 1AA,51.45,-0.01,,E05999999\n");
    String report = load(file.toString());
    assertThat((Integer) JsonPath.read(report, "$.added")).isEqualTo(41);
    assertThat((Integer) JsonPath.read(report, "$.rejected")).isEqualTo(3);
    assertThat((Integer) JsonPath.read(report, "$.unknownWards")).isEqualTo(1);
    List<Integer> lines = JsonPath.read(report, "$.problems[*].line");
    assertThat(lines).as("where each row starts").containsExactly(42, 43, 44);
    assertThat((String) JsonPath.read(report, "$.problems[0].reason"))
        .isEqualTo("'NOT A POSTCODE' is not a UK postcode");
    assertThat((String) JsonPath.read(report, "$.problems[1].reason"))
        .isEqualTo("its UPRN is on an earlier line of the file too");
    assertThat((String) JsonPath.read(report, "$.problems[2].reason"))
        .isEqualTo("its latitude and longitude are not a place in the United Kingdom");
    assertThat((String) JsonPath.read(ok(get("/api/v1/addresses/400001")), "$.line1"))
        .isEqualTo("1 Elm Row");
    assertThat((Object) JsonPath.read(ok(get("/api/v1/addresses/400043")), "$.wardCode")).isNull();
  }

  @Test
  void aFileThatIsNotAGazetteerChangesNothing() throws Exception {
    load(HEADING + "500001,,1 Fir Lane,,London,SE34 1AA,51.44,-0.01,,\n");
    long before = count();

    assertRefused(
        "UPRN,ADDRESS\n500002,2 Fir Lane\n",
        "The first line must name the columns UPRN, LINE1, TOWN, POSTCODE, LATITUDE and"
            + " LONGITUDE (or AddressBase's), but it has no TOWN, POSTCODE, LATITUDE, LONGITUDE");
    assertRefused(HEADING, "The file holds no addresses: loading it would retire every address");
    StringBuilder wrong = new StringBuilder(HEADING);
    for (int i = 0; i < 20; i++) {
      wrong.append(500100 + i).append(",,x,,London,SE34 1AA,0,0,,\n");
    }
    assertRefused(wrong.toString(), "20 of 20 rows could not be loaded, so nothing was");
    assertRefused(
        HEADING
            + "500003,,3 Fir Lane,,London,SE34 1AA,51.44,-0.01,,\n"
            + "500004,,\"4 Fir Lane,,London,SE34 1AA,51.44,-0.01,,\n",
        "The file stops being CSV");
    MockHttpServletResponse json =
        mvc.perform(
                post("/api/v1/admin/gazetteer")
                    .contentType("application/json")
                    .content("{\"uprn\": 500005}")
                    .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
            .andReturn()
            .getResponse();
    assertThat(json.getStatus()).isEqualTo(415);
    assertThat(json.getContentType()).startsWith("application/problem+json");
    assertThat(count()).isEqualTo(before);
    assertThat(uprns(lookup("postcode", "SE34 1AA"))).containsExactly(500001);
  }

  @Test
  void lookupsAnswerBadInputWithAProblem() throws Exception {
    problem(get("/api/v1/addresses"), 400, "Give either a postcode or words of an address");
    problem(get("/api/v1/addresses").param("postcode", "SE1 1AA").param("q", "x"), 400, "not both");
    problem(get("/api/v1/addresses").param("postcode", "SE1"), 400, "Enter a full UK postcode");
    problem(get("/api/v1/addresses").param("q", "!!! ..."), 400, "Enter part of an address");
    problem(get("/api/v1/addresses").param("q", "elm").param("limit", "x"), 400, "limit");
    problem(get("/api/v1/addresses").param("q", "elm").param("limit", "51"), 400, "limit");
    problem(get("/api/v1/addresses/not-a-uprn"), 404, "not-a-uprn");
    problem(get("/api/v1/addresses/999999999999"), 404, "999999999999");
  }

  @Test
  void onlyStaffWhoRecordAddressesLookThemUpAndOnlyAnAdministratorLoads() throws Exception {
    MockHttpServletResponse analyst =
        mvc.perform(
                get("/api/v1/addresses")
                    .param("postcode", "SE30 1AB")
                    .with(signedIn.request(Fixtures.ANALYST)))
            .andReturn()
            .getResponse();
    assertThat(analyst.getStatus()).isEqualTo(403);
    MockHttpServletResponse agent =
        mvc.perform(
                post("/api/v1/admin/gazetteer")
                    .contentType("text/csv")
                    .content(HEADING)
                    .with(signedIn.request(Fixtures.AGENT))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andReturn()
            .getResponse();
    assertThat(agent.getStatus()).isEqualTo(403);
  }

  @Test
  void anAdministratorLoadsTheFilesOnTheirPage() throws Exception {
    MockHttpServletResponse loaded =
        mvc.perform(
                multipart("/admin/places/gazetteer")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "llpg.csv",
                            "text/csv",
                            (HEADING
                                    + "800001,,1 Gate Street,,London,SE34 2AA,51.44,-0.01,,\n"
                                    + "800002,,2 Gate Street,,London,SE34,51.44,-0.01,,\n")
                                .getBytes(StandardCharsets.UTF_8)))
                    .with(signedIn.request(Fixtures.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(loaded.getStatus()).isEqualTo(200);
    assertThat(loaded.getContentAsString())
        .contains(
            "Gazetteer loaded: 1 added",
            "1 rows not loaded",
            "1 current address in the gazetteer",
            "&#39;SE34&#39; is not a UK postcode",
            "llpg.csv")
        .doesNotContain("govuk-error-summary");

    MockHttpServletResponse empty =
        mvc.perform(
                multipart("/admin/places/gazetteer")
                    .with(signedIn.request(Fixtures.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(empty.getContentAsString())
        .contains("govuk-error-summary", "Choose the gazetteer&#39;s CSV file");

    MockHttpServletResponse notWards =
        mvc.perform(
                multipart("/admin/places/ward-boundaries")
                    .file(
                        new MockMultipartFile(
                            "boundaries",
                            "wards.geojson",
                            "application/geo+json",
                            "[1, 2]".getBytes(StandardCharsets.UTF_8)))
                    .with(signedIn.request(Fixtures.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(notWards.getContentAsString())
        .contains("govuk-error-summary", "The file must be a GeoJSON FeatureCollection");
  }

  private String load(String csv) throws Exception {
    MockHttpServletResponse r = upload(csv);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return r.getContentAsString();
  }

  private MockHttpServletResponse upload(String csv) throws Exception {
    return mvc.perform(
            post("/api/v1/admin/gazetteer")
                .param("source", "test.csv")
                .contentType("text/csv")
                .characterEncoding("UTF-8")
                .content(csv)
                .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
        .andReturn()
        .getResponse();
  }

  private void assertRefused(String csv, String why) throws Exception {
    MockHttpServletResponse r = upload(csv);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    assertThat(r.getContentAsString()).contains(why);
  }

  private void problem(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      int status,
      String says)
      throws Exception {
    MockHttpServletResponse r =
        mvc.perform(request.with(signedIn.request(Fixtures.AGENT))).andReturn().getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    assertThat(r.getContentAsString()).contains(says);
  }

  private String lookup(String name, String value) throws Exception {
    return ok(get("/api/v1/addresses").param(name, value));
  }

  private String ok(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(r.with(signedIn.request(Fixtures.AGENT))).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return response.getContentAsString();
  }

  private static List<Integer> uprns(String json) {
    return JsonPath.read(json, "$[*].uprn");
  }

  /** Added, changed, retired and unchanged. */
  private static List<Integer> counts(String report) {
    return List.of(
        JsonPath.read(report, "$.added"),
        JsonPath.read(report, "$.changed"),
        JsonPath.read(report, "$.retired"),
        JsonPath.read(report, "$.unchanged"));
  }

  private long count() {
    return jdbc.sql("select count(*) from gazetteer_address").query(Long.class).single();
  }
}
