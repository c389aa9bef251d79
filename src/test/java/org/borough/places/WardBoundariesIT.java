// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.residents.Channel;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Ward boundaries end to end on H2 and PostgreSQL: a council's GeoJSON loads; a case's ward is the
 * ward its point is in, whatever was typed; a point in no ward is refused as outside the council's
 * area by the console's services, Open311 and the portal; the gazetteer takes its wards from the
 * boundaries. Every other test runs without boundaries, so each test here removes them after.
 */
class WardBoundariesIT extends IntegrationTest {

  /** A ward the tests add: east of the fixtures' ward, which the file also outlines. */
  private static final String EAST = "E05000998";

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired WardBoundaries boundaries;
  @Autowired CaseManagement cases;

  @AfterEach
  void removeTheBoundaries() {
    jdbc.sql("delete from ward_boundary").update();
    boundaries.forget();
  }

  @Test
  void aCasesWardIsWhereItsPointIsAndAPointOutsideIsRefused() throws Exception {
    boolean eastKnown = wardName(EAST) != null; // another test here may have added it
    String report = load(twoWards(), "application/geo+json");
    assertThat((Integer) JsonPath.read(report, "$.wards")).isEqualTo(2);
    assertThat(JsonPath.<List<String>>read(report, "$.newWards"))
        .isEqualTo(eastKnown ? List.of() : List.of(EAST));
    assertThat(wardName(EAST)).as("added with the file's name").isEqualTo("East");
    assertThat(boundaries.at(new BigDecimal("51.5"), new BigDecimal("-0.15")).wardCode())
        .isEqualTo(Fixtures.WARD);
    assertThat(boundaries.at(new BigDecimal("51.5"), new BigDecimal("-0.05")).wardCode())
        .isEqualTo(EAST);
    Placement edge = boundaries.at(new BigDecimal("51.5"), new BigDecimal("-0.1"));
    assertThat(edge.wardCode()).as("on the shared edge: the lower code").isEqualTo(Fixtures.WARD);
    assertThat(boundaries.at(new BigDecimal("51.7"), new BigDecimal("-0.1")).outside()).isTrue();

    CaseView east =
        signedIn.as(Fixtures.AGENT, () -> cases.open(bin("51.5", "-0.05", Fixtures.WARD)));
    assertThat(east.summary().wardCode()).as("from the point, not what was typed").isEqualTo(EAST);

    InvalidInputException outside =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> signedIn.as(Fixtures.AGENT, () -> cases.open(bin("51.7", "-0.1", null))));
    assertThat(outside.errors().get("latitude"))
        .startsWith("This place is outside ")
        .endsWith("'s area: report it to the council whose area it is in");

    MockHttpServletResponse open311 =
        mvc.perform(
                post("/open311/v2/requests.json")
                    .param("api_key", Fixtures.OPEN311_KEY)
                    .param("service_code", Fixtures.MISSED_BIN)
                    .param("lat", "51.7")
                    .param("long", "-0.1")
                    .param("attribute[bin_type]", "general"))
            .andReturn()
            .getResponse();
    assertThat(open311.getStatus()).isEqualTo(400);
    assertThat(open311.getContentAsString()).contains("This place is outside");

    MockHttpSession resident = new MockHttpSession();
    mvc.perform(get("/portal/report/start?service=" + Fixtures.POTHOLE).session(resident));
    MockHttpServletResponse portal =
        mvc.perform(
                post("/portal/report/location")
                    .session(resident)
                    .with(csrf())
                    .param("kind", "point")
                    .param("latitude", "51.7")
                    .param("longitude", "-0.1"))
            .andReturn()
            .getResponse();
    assertThat(portal.getStatus()).isEqualTo(200);
    assertThat(portal.getContentAsString())
        .contains("govuk-error-summary", "This place is outside", "Report it to the council");
    assertThat(
            mvc.perform(
                    post("/portal/report/location")
                        .session(resident)
                        .with(csrf())
                        .param("kind", "point")
                        .param("latitude", "51.5")
                        .param("longitude", "-0.05"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .startsWith("/portal/report/");
  }

  @Test
  void theGazetteerTakesItsWardsFromTheBoundaries() throws Exception {
    load(twoWards(), "application/json");
    String report =
        gazetteer(
            "UPRN,LINE1,TOWN,POSTCODE,LATITUDE,LONGITUDE,WARD_CODE\n"
                + "600001,1 East Street,London,SE1 1AA,51.5,-0.05,"
                + Fixtures.WARD
                + "\n"
                + "600002,2 Far Away,Elsewhere,SE1 1AA,51.7,-0.1,\n");
    assertThat((Integer) JsonPath.read(report, "$.outsideArea")).isEqualTo(1);
    assertThat(JsonPath.<String>read(address(600001), "$.wardCode")).isEqualTo(EAST);
    assertThat(JsonPath.<Object>read(address(600002), "$.wardCode")).isNull();
  }

  @Test
  void aFileThatIsNotWardBoundariesChangesNothing() throws Exception {
    load(twoWards(), "application/geo+json");
    refused("not json", "application/json", 400, "The file is not JSON");
    refused("{\"type\": \"Feature\"}", "application/json", 400, "FeatureCollection");
    refused(
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,51]}}]}",
        "application/json",
        400,
        "has no property holding a ward's GSS code");
    refused(
        featureCollection(feature(EAST, "East", 530000, 180000, 531000, 181000)),
        "application/json",
        400,
        "British National Grid");
    refused(twoWards(), "text/plain", 415, "");
    assertThat(boundaries.at(new BigDecimal("51.5"), new BigDecimal("-0.05")).wardCode())
        .as("the boundaries loaded before are kept")
        .isEqualTo(EAST);
  }

  /** A missed bin at a point, with the ward an agent typed. */
  private static NewCase bin(String lat, String lon, String ward) {
    return new NewCase(
        Fixtures.MISSED_BIN,
        null,
        "Bin not collected",
        "1 East Street",
        null,
        new BigDecimal(lat),
        new BigDecimal(lon),
        ward,
        Map.of("bin_type", List.of("general")),
        null,
        null,
        Channel.PHONE,
        null);
  }

  private String wardName(String code) {
    return jdbc.sql("select name from ward where gss_code = ?")
        .param(code)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private String load(String geojson, String type) throws Exception {
    MockHttpServletResponse r = upload(geojson, type);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return r.getContentAsString();
  }

  private void refused(String body, String type, int status, String says) throws Exception {
    MockHttpServletResponse r = upload(body, type);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    assertThat(r.getContentType()).startsWith("application/problem+json");
    assertThat(r.getContentAsString()).contains(says);
  }

  private MockHttpServletResponse upload(String body, String type) throws Exception {
    return mvc.perform(
            post("/api/v1/admin/ward-boundaries")
                .param("source", "wards.geojson")
                .contentType(type)
                .content(body)
                .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
        .andReturn()
        .getResponse();
  }

  private String gazetteer(String csv) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/api/v1/admin/gazetteer")
                    .contentType("text/csv")
                    .content(csv)
                    .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    return r.getContentAsString();
  }

  private String address(long uprn) throws Exception {
    return mvc.perform(get("/api/v1/addresses/" + uprn).with(signedIn.request(Fixtures.AGENT)))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The fixtures' ward west of longitude -0.1 and a new ward east of it, 51.4 to 51.6 north. */
  private static String twoWards() {
    return featureCollection(
        feature(Fixtures.WARD, "West", -0.2, 51.4, -0.1, 51.6),
        feature(EAST, "East", -0.1, 51.4, 0.0, 51.6));
  }

  private static String featureCollection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  private static String feature(
      String code, String name, double west, double south, double east, double north) {
    return String.format(
        Locale.ROOT,
        "{\"type\":\"Feature\",\"properties\":{\"WD24CD\":\"%s\",\"WD24NM\":\"%s\"},"
            + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[%f,%f],[%f,%f],[%f,%f],"
            + "[%f,%f]]]]}}",
        code,
        name,
        west,
        south,
        east,
        south,
        east,
        north,
        west,
        north);
  }
}
