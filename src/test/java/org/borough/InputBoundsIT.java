// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Numbers that BigDecimal would expand without limit ('1e600000000' is 600 million digits, an
 * OutOfMemoryError from 11 characters; '1e-999999999' rounded to a coordinate's 6 places works for
 * hours) refused quickly on every path a client can send one: the portal, Open311, the JSON API and
 * the console, each in its own error format, with nothing saved.
 */
class InputBoundsIT extends IntegrationTest {

  private static final String HUGE = "1e600000000";
  private static final String TINY = "1e-999999999";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired SignedIn signedIn;

  @Test
  void thePortalAsksAgainForANumberWithAnExponent() throws Exception {
    MockHttpSession session = new MockHttpSession();
    // A place no other test reports at, so the report goes straight to its questions.
    MockHttpServletResponse located = potholeAt(session, "60.123457", "1.654321");
    assertThat(located.getRedirectedUrl()).isEqualTo("/portal/report/questions/depth_cm");

    MockHttpServletResponse answered =
        perform(portal("/portal/report/questions/depth_cm", session).param("attr-depth_cm", HUGE));

    assertThat(answered.getStatus()).isEqualTo(200);
    assertThat(answered.getContentAsString(StandardCharsets.UTF_8))
        .contains("govuk-error-summary")
        .contains("Depth in centimetres must be a number like 12 or 3.5");
  }

  @Test
  void thePortalRefusesACoordinateThatWouldTakeHoursToRound() throws Exception {
    MockHttpServletResponse located = potholeAt(new MockHttpSession(), "51.5", TINY);
    assertThat(located.getStatus()).isEqualTo(200);
    assertThat(located.getContentAsString(StandardCharsets.UTF_8))
        .contains("govuk-error-summary")
        .contains("Enter a longitude in the UK, between -9 and 2");
  }

  @Test
  void open311AnswersItsOwnErrorFormatAndSavesNothing() throws Exception {
    long before = cases();
    MockHttpServletResponse answer =
        perform(
            open311()
                .param("lat", "51.5")
                .param("long", "-0.1")
                .param("attribute[depth_cm]", HUGE));
    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
        .startsWith(
            "[{\"code\":400,\"description\":\"attribute[depth_cm]: Depth in centimetres must be"
                + " a number like 12 or 3.5");

    MockHttpServletResponse tiny = perform(open311().param("lat", "51.5").param("long", TINY));
    assertThat(tiny.getStatus()).isEqualTo(400);
    assertThat(tiny.getContentAsString(StandardCharsets.UTF_8))
        .contains("long must be a decimal number of degrees (WGS84) from -180 to 180");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void theApiAnswersAProblemNamingTheField() throws Exception {
    long before = cases();
    MockHttpServletResponse answer =
        perform(
            api(
                """
                {"serviceCode": "%s", "description": "Deep", "latitude": 51.5, "longitude": -0.1,
                 "answers": {"depth_cm": ["%s"]}}
                """
                    .formatted(Fixtures.POTHOLE, HUGE)));
    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
        .contains("\"field\":\"attr-depth_cm\"");

    // A JSON number, not text: in the UK's range, and 999999999 places to round to the column's 6.
    MockHttpServletResponse tiny =
        perform(
            api(
                """
                {"serviceCode": "%s", "description": "Deep", "latitude": 51.5, "longitude": %s}
                """
                    .formatted(Fixtures.POTHOLE, TINY)));
    assertThat(tiny.getStatus()).isEqualTo(400);
    assertThat(tiny.getContentAsString(StandardCharsets.UTF_8))
        .contains("\"field\":\"longitude\"")
        .contains("Give coordinates with 20 decimal places or fewer");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void theConsoleShowsTheRaiseFormAgainWithTheError() throws Exception {
    long before = cases();
    MockHttpServletResponse answer =
        perform(
            console("/cases/new")
                .param("service", Fixtures.POTHOLE)
                .param("description", "Deep")
                .param("latitude", "51.5")
                .param("longitude", "-0.1")
                .param("attr-depth_cm", HUGE));
    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
        .contains("govuk-error-summary")
        .contains("Depth in centimetres must be a number like 12 or 3.5");

    MockHttpServletResponse tiny =
        perform(
            console("/cases/new")
                .param("service", Fixtures.POTHOLE)
                .param("description", "Deep")
                .param("latitude", "51.5")
                .param("longitude", TINY));
    assertThat(tiny.getStatus()).isEqualTo(200);
    assertThat(tiny.getContentAsString(StandardCharsets.UTF_8))
        .contains("<li><a href=\"#longitude\">Enter a number</a></li>");
    assertThat(cases()).isEqualTo(before);
  }

  /** Before: 71582789.26666667 minutes was 2^32 + 60 seconds, cast to an int: a one-minute call. */
  @Test
  void aContactsDurationCannotWrapIntoAValidOne() throws Exception {
    String summary = "Wrapped duration " + UUID.randomUUID();
    MockHttpServletResponse answer =
        perform(
            console("/contacts/new")
                .param("channel", "PHONE")
                .param("direction", "INBOUND")
                .param("outcome", "RESOLVED_AT_FIRST_CONTACT")
                .param("durationMinutes", "71582789.26666667")
                .param("summary", summary));
    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
        .contains("Duration must be a number of minutes from 0 to 1440");
    assertThat(
            jdbc.sql("select count(*) from contact where summary = ?")
                .param(summary)
                .query(Long.class)
                .single())
        .isZero();
  }

  /** Starts a pothole report on the portal and gives its location as a point. */
  private MockHttpServletResponse potholeAt(MockHttpSession session, String lat, String lon)
      throws Exception {
    perform(get("/portal/report/start?service=" + Fixtures.POTHOLE).session(session));
    return perform(
        portal("/portal/report/location", session)
            .param("kind", "point")
            .param("latitude", lat)
            .param("longitude", lon));
  }

  private MockHttpServletRequestBuilder portal(String path, MockHttpSession session) {
    return post(path).session(session).with(csrf());
  }

  private MockHttpServletRequestBuilder open311() {
    return post("/open311/v2/requests.json")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .param("api_key", Fixtures.OPEN311_KEY)
        .param("jurisdiction_id", Fixtures.JURISDICTION)
        .param("service_code", Fixtures.POTHOLE);
  }

  private MockHttpServletRequestBuilder api(String json) {
    return post("/api/v1/cases")
        .with(signedIn.request(Fixtures.AGENT))
        .with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .content(json);
  }

  private MockHttpServletRequestBuilder console(String path) {
    return post(path).with(signedIn.request(Fixtures.AGENT)).with(csrf());
  }

  private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private long cases() {
    return jdbc.sql("select count(*) from service_case").query(Long.class).single();
  }
}
