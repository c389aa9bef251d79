// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.residents.Channel;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Open311 GeoReport v2 end to end, on H2 and PostgreSQL: what an app sees (pinned by the fixtures
 * in src/test/resources/open311/, with references, ids and times replaced by placeholders) and what
 * lands in Borough (a case on the app channel, a contact naming the app, the audit trail).
 */
class Open311IT extends IntegrationTest {

  private static final Path FIXTURES = Path.of("src", "test", "resources", "open311");
  private static final String V2 = "/open311/v2/";

  @Autowired MockMvc mvc;
  @Autowired CaseManagement cases;
  @Autowired JdbcClient jdbc;
  @Autowired SignedIn signedIn;
  @Autowired ServiceCatalogue catalogue;

  private final JsonMapper json = JsonMapper.builder().build();

  // --- services -------------------------------------------------------------------------------

  @Test
  void listsServicesWithGroupsAndMetadata() throws Exception {
    String xml = ok(get(V2 + "services.xml"), Open311Controller.XML);
    assertMatches("services.xml", onlyServices(xml, Fixtures.MISSED_BIN, Fixtures.POTHOLE));
    String body =
        ok(
            get(V2 + "services.json?jurisdiction_id=" + Fixtures.JURISDICTION),
            Open311Controller.JSON);
    ArrayNode kept = json.createArrayNode();
    for (JsonNode s : json.readTree(body)) {
      if (Set.of(Fixtures.MISSED_BIN, Fixtures.POTHOLE).contains(s.get("service_code").asText())) {
        kept.add(s);
      }
    }
    assertMatches("services.json", json.writeValueAsString(kept));
  }

  @Test
  void definesAServiceWithTypedAttributesAndValues() throws Exception {
    assertMatches(
        "service-definition.xml",
        ok(get(V2 + "services/" + Fixtures.POTHOLE + ".xml"), Open311Controller.XML));
    assertMatches(
        "service-definition.json",
        ok(get(V2 + "services/" + Fixtures.POTHOLE + ".json"), Open311Controller.JSON));
  }

  // --- POST requests
  // --------------------------------------------------------------------------------

  @Test
  void aReportBecomesACaseOnTheAppChannelWithAContactNamingTheApp() throws Exception {
    String email = "o311-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String xml =
        ok(
            report("xml")
                .param("lat", "51.501009")
                .param("long", "-0.141588")
                .param("address_string", "1 Test Street, London SW1A 1AA")
                .param("attribute[bin_type]", "recycling")
                .param("attribute[collection_date]", "2026-03-02")
                .param("email", email)
                .param("first_name", "Ola")
                .param("last_name", "Openshaw")
                .param("device_id", "device-1")
                .param("account_id", "acct-42")
                .param("description", "Recycling bin missed again")
                .param("media_url", "https://example.org/photo.jpg"),
            Open311Controller.XML);
    assertMatches("post-request.xml", xml);
    String reference = reference(xml);

    asSupervisor();
    CaseView c = cases.viewByReference(reference);
    SecurityContextHolder.clearContext();
    assertThat(c.channel()).isEqualTo(Channel.APP);
    assertThat(c.summary().residentId()).as("the reporter is registered").isNotNull();
    assertThat(c.latitude()).isEqualByComparingTo("51.501009");
    assertThat(c.answers())
        .extracting(CaseView.Answer::code)
        .contains("bin_type", "collection_date");
    assertThat(c.timeline()).anyMatch(t -> t.actor().equals("open311:default"));
    var contact =
        jdbc.sql("select channel, agent, summary from contact where case_id = ?")
            .param(c.id().value())
            .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
            .single();
    assertThat(contact).containsExactly("APP", "open311:default", "Reported through default");
    assertThat(
            jdbc.sql("select reporter_unproven from service_case where id = ?")
                .param(c.id().value())
                .query(Boolean.class)
                .single())
        .as("an application's word proves nothing to the resident's own portal account")
        .isTrue();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where actor = 'open311:default' and subject_id = ?")
                .param(c.id().value().toString())
                .query(Integer.class)
                .single())
        .isPositive();

    // The same reporter again is recognised by email, not registered twice.
    String second =
        ok(
            report("json")
                .param("address_string", "2 Test Street")
                .param("attribute[bin_type]", "general")
                .param("email", email.toUpperCase())
                .param("first_name", "Ola")
                .param("last_name", "Openshaw"),
            Open311Controller.JSON);
    assertMatches("post-request.json", second);
    asSupervisor();
    CaseView again = cases.viewByReference(reference(second));
    SecurityContextHolder.clearContext();
    assertThat(again.summary().residentId()).isEqualTo(c.summary().residentId());

    // What the app reads back.
    assertMatches(
        "request.xml", ok(get(V2 + "requests/" + reference + ".xml"), Open311Controller.XML));
    assertMatches(
        "request.json", ok(get(V2 + "requests/" + reference + ".json"), Open311Controller.JSON));
    assertMatches("token.xml", ok(get(V2 + "tokens/" + reference + ".xml"), Open311Controller.XML));
    assertMatches(
        "token.json", ok(get(V2 + "tokens/" + reference + ".json"), Open311Controller.JSON));
  }

  @Test
  void refusesBadReportsWithEveryReasonAndSavesNothing() throws Exception {
    long before = jdbc.sql("select count(*) from service_case").query(Long.class).single();
    assertError(
        report("xml")
            .param("attribute[bin_type]", "compost")
            .param("attribute[colour]", "red")
            .param("lat", "north")
            .param("description", "x".repeat(4001))
            .param("media_url", "javascript:alert(1)"),
        400,
        "errors-invalid.xml");
    assertError(
        report("json").param("lat", "51.5").param("attribute[bin_type]", "general"),
        400,
        "errors-lat-without-long.json");
    assertError(
        post(V2 + "requests.xml")
            .param("service_code", Fixtures.MISSED_BIN)
            .param("address_string", "x"),
        403,
        "errors-no-key.xml");
    assertError(
        post(V2 + "requests.json")
            .param("api_key", "o311_wrong")
            .param("service_code", Fixtures.MISSED_BIN),
        403,
        "errors-wrong-key.json");
    assertError(
        post(V2 + "requests.xml")
            .param("api_key", Fixtures.OPEN311_KEY)
            .param("service_code", "no-such-service")
            .param("address_string", "x"),
        404,
        "errors-unknown-service.xml");
    assertError(
        get(V2 + "services.xml?jurisdiction_id=elsewhere.gov.uk"), 404, "errors-jurisdiction.xml");
    assertError(
        report("xml")
            .param("address_string", "Out of area")
            .param("lat", "40.7")
            .param("long", "-74")
            .param("attribute[bin_type]", "general"),
        400,
        "errors-outside-uk.xml");
    assertThat(jdbc.sql("select count(*) from service_case").query(Long.class).single())
        .as("nothing half-created")
        .isEqualTo(before);
    // An empty jurisdiction_id is the same as none.
    ok(
        report("xml")
            .param("jurisdiction_id", "")
            .param("address_id", "100023336956")
            .param("attribute[bin_type]", "general"),
        Open311Controller.XML);
  }

  @Test
  void answersEveryMistakeInOpen311FormatNeverAServerError() throws Exception {
    assertError(get(V2 + "services.html"), 400, "errors-format.xml");
    assertError(get(V2 + "nothing-here.json"), 404, "errors-no-resource.json");
    assertError(get(V2 + "services/no-such-service.json"), 404, "errors-unknown-definition.json");
    assertError(get(V2 + "requests/BR-1999-000000.xml"), 404, "errors-unknown-request.xml");
    assertError(get(V2 + "tokens/nope.json"), 404, "errors-unknown-token.json");
    assertError(
        get(V2 + "requests.xml?start_date=yesterday&end_date=2026-13-45&status=pending&page=0"),
        400,
        "errors-query.xml");
    assertError(
        get(V2 + "requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z"),
        400,
        "errors-span.json");
    assertError(
        get(V2 + "servicerequestupdates.xml?start_date=1/2/2026"), 400, "errors-updates-date.xml");
    assertError(request(HttpMethod.DELETE, V2 + "requests.xml"), 400, "errors-method.xml");
    for (String hostile :
        List.of(
            "%00",
            "'; drop table service_case; --", "<x>", "\u2028", "9".repeat(5000), "-1", "1e999")) {
      for (String path : List.of("requests.xml", "requests.json", "servicerequestupdates.xml")) {
        for (String param :
            List.of("service_request_id", "service_code", "start_date", "page_size", "status")) {
          int status =
              mvc.perform(get(V2 + path).param(param, hostile))
                  .andReturn()
                  .getResponse()
                  .getStatus();
          assertThat(status).as(path + "?" + param + "=" + hostile).isLessThan(500);
        }
      }
      int status =
          mvc.perform(
                  report("xml")
                      .param("address_string", hostile)
                      .param("lat", hostile)
                      .param("attribute[" + hostile + "]", hostile))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).as("POST with " + hostile).isIn(400, 404);
    }
  }

  // --- GET requests
  // ----------------------------------------------------------------------------------

  @Test
  void listsRequestsByIdsServiceStatusAndWindowWithPages() throws Exception {
    String a =
        reference(
            ok(
                report("xml")
                    .param("address_string", "3 List Street")
                    .param("attribute[bin_type]", "general"),
                Open311Controller.XML));
    String b =
        reference(
            ok(
                report("xml")
                    .param("address_string", "4 List Street")
                    .param("attribute[bin_type]", "garden"),
                Open311Controller.XML));
    String both =
        ok(
            get(V2 + "requests.xml").param("service_request_id", a + ", " + b + ",BR-1999-000000"),
            Open311Controller.XML);
    assertThat(both).contains(a, b).doesNotContain("BR-1999-000000");

    String open =
        ok(
            get(V2 + "requests.json?service_code=" + Fixtures.MISSED_BIN + "&status=open"),
            Open311Controller.JSON);
    assertThat(open).contains(a, b).doesNotContain("\"closed\"");
    assertThat(
            ok(
                get(V2 + "requests.json?service_code=" + Fixtures.POTHOLE + "&status=open"),
                Open311Controller.JSON))
        .doesNotContain(a);
    String closed =
        ok(
            get(V2 + "requests.xml?status=closed&service_code=" + Fixtures.MISSED_BIN),
            Open311Controller.XML);
    assertThat(closed).doesNotContain(a);

    // Newest first, one per page.
    String page1 =
        ok(
            get(V2 + "requests.xml?service_code=" + Fixtures.MISSED_BIN + "&page_size=1"),
            Open311Controller.XML);
    String page2 =
        ok(
            get(V2 + "requests.xml?service_code=" + Fixtures.MISSED_BIN + "&page_size=1&page=2"),
            Open311Controller.XML);
    assertThat(page1).contains(b).doesNotContain(a);
    assertThat(page2).contains(a);

    // A window without offsets is London time; one in the past finds nothing.
    assertThat(
            ok(
                get(V2 + "requests.xml?start_date=2020-01-01&end_date=2020-02-01T12:00"),
                Open311Controller.XML))
        .isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests/>\n");
    assertThat(
            ok(
                get(V2 + "requests.json").param("start_date", "2020-01-01T00:00:00 01:00"),
                Open311Controller.JSON))
        .isEqualTo("[]");
  }

  @Test
  void listsOnlyCasesOfPublishedServicesAtTheirStreetWithoutWordsAboutAPerson() throws Exception {
    asSupervisor();
    Fixtures.noise(catalogue);
    // A staff member may put any channel on a case: choosing "app" must publish nothing.
    CaseView noise =
        raised(
            Fixtures.NOISE,
            "The tenant of flat 2 shouts at night",
            "Flat 2, 14 Quiet Street, London E1 6AN",
            null,
            null,
            Map.of(),
            Channel.APP);
    CaseView phoned =
        raised(
            Fixtures.MISSED_BIN,
            "Mrs X at 9 Private Road is housebound",
            "Flat 1, 9 Private Road, London E1 6AN",
            new BigDecimal("51.515123"),
            new BigDecimal("-0.071234"),
            Map.of("bin_type", List.of("general")),
            Channel.APP);
    asSupervisor();
    cases.addNote(phoned.id(), "Internal: check assisted collection list", false);
    cases.addNote(phoned.id(), "Mrs X, the crew will knock on your door", true);
    cases.changeStatus(
        phoned.id(), CaseStatus.IN_PROGRESS, "Crew booked for Thursday", true, null, null);
    SecurityContextHolder.clearContext();

    assertError(
        get(V2 + "requests/" + noise.reference() + ".xml"), 404, "errors-unknown-request.xml");
    assertThat(ok(get(V2 + "requests.json?service_code=" + Fixtures.NOISE), Open311Controller.JSON))
        .isEqualTo("[]");
    assertThat(ok(get(V2 + "requests.xml?status=open"), Open311Controller.XML))
        .contains(phoned.reference())
        .doesNotContain(noise.reference(), "Quiet Street", "shouts");

    JsonNode bin =
        json.readTree(
                ok(get(V2 + "requests/" + phoned.reference() + ".json"), Open311Controller.JSON))
            .get(0);
    assertThat(bin.get("status").asText()).isEqualTo("open");
    assertThat(bin.get("address").asText()).isEqualTo("Private Road, London, E1");
    assertThat(bin.get("zipcode").asText()).isEqualTo("E1");
    assertThat(bin.get("address_id").isNull()).isTrue();
    assertThat(bin.get("description").isNull()).as("the reporter's words").isTrue();
    assertThat(bin.get("lat").decimalValue()).isEqualByComparingTo("51.515");
    assertThat(bin.get("long").decimalValue()).isEqualByComparingTo("-0.071");
    assertThat(bin.get("status_notes").asText()).isEqualTo("Crew booked for Thursday");
    assertThat(bin.toString()).doesNotContain("housebound", "knock", "Internal", "Flat", "6AN");

    String updates = ok(get(V2 + "servicerequestupdates.xml"), Open311Controller.XML);
    assertThat(onlyUpdatesOf(updates, phoned.reference()))
        .contains("Crew booked for Thursday")
        .doesNotContain("knock", "Internal");
    assertThat(updates).doesNotContain(noise.reference());
  }

  // --- mySociety: updates
  // ------------------------------------------------------------------------------

  @Test
  void updatesFlowBothWaysWithExtendedStatuses() throws Exception {
    String reference =
        reference(
            ok(
                report("xml")
                    .param("address_string", "5 Update Street")
                    .param("attribute[bin_type]", "general"),
                Open311Controller.XML));
    String posted =
        ok(
            post(V2 + "servicerequestupdates.xml")
                .param("api_key", Fixtures.OPEN311_KEY)
                .param("service_request_id", reference)
                .param("update_id", "fms-1")
                .param("status", "OPEN")
                .param("updated_datetime", "2026-03-27T14:05:00+00:00")
                .param("description", "Still not collected")
                .param("media_url", "https://example.org/again.jpg"),
            Open311Controller.XML);
    assertMatches("post-update.xml", posted);

    asSupervisor();
    CaseView c = cases.viewByReference(reference);
    cases.addNote(c.id(), "Internal only: crew short-staffed", false);
    cases.changeStatus(
        c.id(), CaseStatus.IN_PROGRESS, "Crew booked for Thursday", true, null, null);
    SecurityContextHolder.clearContext();

    String fixed =
        ok(
            post(V2 + "servicerequestupdates.json")
                .param("api_key", Fixtures.OPEN311_KEY)
                .param("jurisdiction_id", Fixtures.JURISDICTION)
                .param("service_request_id", reference)
                .param("update_id", "fms-2")
                .param("status", "FIXED")
                .param("updated_datetime", "2026-03-27T15:05:00")
                .param("description", "Collected, thanks"),
            Open311Controller.JSON);
    assertMatches("post-update.json", fixed);

    String updates = ok(get(V2 + "servicerequestupdates.xml"), Open311Controller.XML);
    String mine = onlyUpdatesOf(updates, reference);
    assertMatches("updates.xml", mine);
    assertThat(mine).doesNotContain("Internal only");
    String updatesJson = ok(get(V2 + "servicerequestupdates.json"), Open311Controller.JSON);
    ArrayNode kept = json.createArrayNode();
    for (JsonNode u : json.readTree(updatesJson)) {
      if (reference.equals(u.get("service_request_id").asText())) {
        kept.add(u);
      }
    }
    assertMatches("updates.json", json.writeValueAsString(kept));
    assertThat(ok(get(V2 + "requests/" + reference + ".xml"), Open311Controller.XML))
        .contains("<status>closed</status>");

    assertError(
        post(V2 + "servicerequestupdates.xml")
            .param("api_key", Fixtures.OPEN311_KEY)
            .param("service_request_id", "BR-1999-000000")
            .param("status", "OPEN")
            .param("description", "x"),
        404,
        "errors-update-unknown-request.xml");
    assertError(
        post(V2 + "servicerequestupdates.json")
            .param("api_key", Fixtures.OPEN311_KEY)
            .param("status", "MAYBE")
            .param("updated_datetime", "soon"),
        400,
        "errors-update-invalid.json");
  }

  // --- client applications
  // -----------------------------------------------------------------------------

  @Test
  void anAdminIssuesAndRevokesAnAppsKey() throws Exception {
    var admin = signedIn.request(Fixtures.ADMIN);
    String name = "FixMyStreet " + UUID.randomUUID().toString().substring(0, 6);
    String key = issueKey(admin, name);
    assertThat(
            jdbc.sql("select count(*) from open311_client where key_hash = ?")
                .param(Open311Clients.hash(key))
                .query(Integer.class)
                .single())
        .isOne();
    assertThat(
            jdbc.sql("select count(*) from open311_client where key_hash = ?")
                .param(key)
                .query(Integer.class)
                .single())
        .as("only the hash is stored")
        .isZero();

    String reference = potholeBy(key, "High Street");
    asSupervisor();
    assertThat(cases.viewByReference(reference).timeline())
        .anyMatch(t -> t.actor().equals("open311:" + name));
    SecurityContextHolder.clearContext();

    UUID id =
        jdbc.sql("select id from open311_client where name = ?")
            .param(name)
            .query(UUID.class)
            .single();
    mvc.perform(post("/admin/open311-clients/" + id + "/revoke").with(admin).with(csrf()))
        .andReturn();
    assertThat(
            mvc.perform(
                    post(V2 + "requests.xml")
                        .param("api_key", key)
                        .param("service_code", Fixtures.POTHOLE)
                        .param("address_string", "High Street"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox_event where aggregate_id = ? and event_type in ('open311-client.issued.v1', 'open311-client.revoked.v1')")
                .param(id.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(2);

    String invalid =
        mvc.perform(
                post("/admin/open311-clients")
                    .with(admin)
                    .with(csrf())
                    .param("name", "")
                    .param("contact", "")
                    .param("jurisdictionId", ""))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(invalid).contains("govuk-error-summary");
  }

  @Test
  void aKeyUpdatesOnlyTheRequestsItsApplicationRaisedUnlessGranted() throws Exception {
    var admin = signedIn.request(Fixtures.ADMIN);
    String other = issueKey(admin, "Other app " + UUID.randomUUID().toString().substring(0, 6));
    CaseView phoned =
        raised(
            Fixtures.MISSED_BIN,
            "Bin missed, reported by phone",
            "3 Phone Street",
            null,
            null,
            Map.of("bin_type", List.of("general")),
            Channel.PHONE);
    String othersOwn = potholeBy(other, "Other Street");

    // The default key raised neither: it may not close them.
    for (String reference : List.of(phoned.reference(), othersOwn)) {
      MockHttpServletResponse refused = mvc.perform(fixed(reference)).andReturn().getResponse();
      assertThat(refused.getStatus()).isEqualTo(403);
      assertThat(refused.getContentAsString())
          .contains("was not raised by this application: its api_key may update only");
    }
    asSupervisor();
    assertThat(cases.viewByReference(phoned.reference()).status()).isEqualTo(CaseStatus.NEW);
    SecurityContextHolder.clearContext();
    // Its own application's key may.
    ok(
        post(V2 + "servicerequestupdates.xml")
            .param("api_key", other)
            .param("service_request_id", othersOwn)
            .param("status", "FIXED")
            .param("description", "Filled"),
        Open311Controller.XML);

    // An admin grants the default key the others, on the clients page, and takes it back.
    UUID id =
        jdbc.sql("select id from open311_client where name = 'default'").query(UUID.class).single();
    try {
      allowUpdatingOthers(admin, id, true);
      assertThat(
              mvc.perform(get("/admin/open311-clients").with(admin))
                  .andReturn()
                  .getResponse()
                  .getContentAsString())
          .containsPattern("id=\"update-others-" + id + "\">\\s*<p[^>]*>Any request \\(granted\\)");
      ok(fixed(phoned.reference()), Open311Controller.XML);
    } finally {
      allowUpdatingOthers(admin, id, false);
    }
    asSupervisor();
    assertThat(cases.viewByReference(phoned.reference()).status()).isEqualTo(CaseStatus.RESOLVED);
    SecurityContextHolder.clearContext();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where subject_id = ? and detail like 'granted:%'")
                .param(id.toString())
                .query(Integer.class)
                .single())
        .isPositive();
    assertThat(mvc.perform(fixed(othersOwn)).andReturn().getResponse().getStatus())
        .as("withdrawn again")
        .isEqualTo(403);
  }

  @Test
  void anAdminLimitsAKeyToServicesAndItReportsToNoOther() throws Exception {
    var admin = signedIn.request(Fixtures.ADMIN);
    String name = "Roads app " + UUID.randomUUID().toString().substring(0, 6);
    String key = issueKey(admin, name);
    UUID id =
        jdbc.sql("select id from open311_client where name = ?")
            .param(name)
            .query(UUID.class)
            .single();
    assertThat(limitServices(admin, id, Fixtures.POTHOLE).getStatus()).isEqualTo(302);
    assertThat(
            mvc.perform(get("/admin/open311-clients").with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .containsPattern("id=\"services-of-" + id + "\"[^>]*>\\s*<p[^>]*>pothole</p>");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where subject_id = ?"
                        + " and detail = 'services limited to: pothole'")
                .param(id.toString())
                .query(Integer.class)
                .single())
        .isOne();

    // A listed service: reported.
    String pothole = potholeBy(key, "Limited Street");
    // Another service: refused in Open311's format, naming it, and nothing is saved.
    long before = jdbc.sql("select count(*) from service_case").query(Long.class).single();
    MockHttpServletResponse refused =
        mvc.perform(binBy(key, "json", "8 Limited Street")).andReturn().getResponse();
    String body = refused.getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused.getStatus()).as(body).isEqualTo(403);
    assertThat(MediaType.parseMediaType(refused.getContentType()))
        .matches(t -> t.isCompatibleWith(Open311Controller.JSON));
    JsonNode error = json.readTree(body).get(0);
    assertThat(error.get("code").asInt()).isEqualTo(403);
    assertThat(error.get("description").asText())
        .isEqualTo(
            "service_code 'missed-bin' ("
                + catalogue.find(Fixtures.MISSED_BIN).orElseThrow().name()
                + ") is not one this api_key may report to: an administrator limited it to"
                + " pothole");
    assertThat(jdbc.sql("select count(*) from service_case").query(Long.class).single())
        .isEqualTo(before);
    // Its services list stays the public one.
    assertThat(ok(get(V2 + "services.xml"), Open311Controller.XML))
        .contains("<service_code>" + Fixtures.MISSED_BIN + "</service_code>");
    // The unlimited default key still reports anywhere.
    assertNewCase(binBy(Fixtures.OPEN311_KEY, "xml", "9 Unlimited Street"));

    // Even granted the others, a limited key updates only requests of its services.
    CaseView phoned =
        raised(
            Fixtures.MISSED_BIN,
            "Bin missed, reported by phone",
            "4 Phone Street",
            null,
            null,
            Map.of("bin_type", List.of("general")),
            Channel.PHONE);
    try {
      allowUpdatingOthers(admin, id, true);
      MockHttpServletResponse update =
          mvc.perform(
                  post(V2 + "servicerequestupdates.json")
                      .param("api_key", key)
                      .param("service_request_id", phoned.reference())
                      .param("status", "FIXED")
                      .param("description", "Done"))
              .andReturn()
              .getResponse();
      assertThat(update.getStatus()).isEqualTo(403);
      assertThat(update.getContentAsString(StandardCharsets.UTF_8))
          .contains("service_code 'missed-bin'", "which this api_key may not update");
      ok(
          post(V2 + "servicerequestupdates.xml")
              .param("api_key", key)
              .param("service_request_id", pothole)
              .param("status", "FIXED")
              .param("description", "Filled"),
          Open311Controller.XML);
    } finally {
      allowUpdatingOthers(admin, id, false);
    }

    // An unknown code: the page says which, and the limit is unchanged.
    MockHttpServletResponse invalid = limitServices(admin, id, "pothole", "no-such-service");
    assertThat(invalid.getStatus()).isEqualTo(200);
    assertThat(invalid.getContentAsString())
        .contains("govuk-error-summary", "href=\"#services-" + id + "\"")
        .contains("&#39;no-such-service&#39; is not a service");
    assertThat(
            jdbc.sql("select service_code from open311_client_service where client_id = ?")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly(Fixtures.POTHOLE);

    // None ticked: every active service again.
    limitServices(admin, id);
    assertNewCase(binBy(key, "xml", "10 Unlimited Street"));
  }

  /** A new case, not an earlier answer replayed. */
  private void assertNewCase(MockHttpServletRequestBuilder request) throws Exception {
    long before = jdbc.sql("select count(*) from service_case").query(Long.class).single();
    ok(request, Open311Controller.XML);
    assertThat(jdbc.sql("select count(*) from service_case").query(Long.class).single())
        .isEqualTo(before + 1);
  }

  @Test
  void refusesAKeyInTheUrlAndTakesOneInTheBodyOrAHeader() throws Exception {
    long before = jdbc.sql("select count(*) from service_case").query(Long.class).single();
    assertError(
        post(V2 + "requests.xml?api_key=" + Fixtures.OPEN311_KEY)
            .param("service_code", Fixtures.MISSED_BIN)
            .param("address_string", "7 Url Street")
            .param("attribute[bin_type]", "general"),
        400,
        "errors-key-in-url.xml");
    assertError(
        get(V2 + "requests.json?api_key=" + Fixtures.OPEN311_KEY), 400, "errors-key-in-url.json");
    assertThat(jdbc.sql("select count(*) from service_case").query(Long.class).single())
        .isEqualTo(before);
    ok(
        post(V2 + "requests.json")
            .header("X-Api-Key", Fixtures.OPEN311_KEY)
            .param("service_code", Fixtures.MISSED_BIN)
            .param("address_string", "7 Header Street")
            .param("attribute[bin_type]", "general"),
        Open311Controller.JSON);
  }

  /** A case a supervisor raised, as on the phone. */
  private CaseView raised(
      String service,
      String description,
      String address,
      BigDecimal lat,
      BigDecimal lon,
      Map<String, List<String>> answers,
      Channel channel) {
    return signedIn.as(
        Fixtures.SUPERVISOR,
        () ->
            cases.open(
                Fixtures.newCase(service, null, description, address, lat, lon, answers, channel)));
  }

  private String potholeBy(String key, String street) throws Exception {
    return reference(
        ok(
            post(V2 + "requests.xml")
                .param("api_key", key)
                .param("service_code", Fixtures.POTHOLE)
                .param("address_string", street),
            Open311Controller.XML));
  }

  private void allowUpdatingOthers(RequestPostProcessor admin, UUID client, boolean allowed)
      throws Exception {
    mvc.perform(
        post("/admin/open311-clients/" + client + "/update-others")
            .with(admin)
            .with(csrf())
            .param("allowed", Boolean.toString(allowed)));
  }

  /** Ticks these services for the client on the admin page; none lets it report to every one. */
  private MockHttpServletResponse limitServices(
      RequestPostProcessor admin, UUID client, String... codes) throws Exception {
    return mvc.perform(
            post("/admin/open311-clients/" + client + "/services")
                .with(admin)
                .with(csrf())
                .param(Open311ClientsController.servicesField(client), codes))
        .andReturn()
        .getResponse();
  }

  /**
   * A missed bin reported with {@code key}, as a form (IdempotentPosts hashes a form's fields; it
   * would take a post without a body for a retry of the last one and replay its answer).
   */
  private MockHttpServletRequestBuilder binBy(String key, String format, String address) {
    return post(V2 + "requests." + format)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .param("api_key", key)
        .param("service_code", Fixtures.MISSED_BIN)
        .param("address_string", address)
        .param("attribute[bin_type]", "general");
  }

  private MockHttpServletRequestBuilder fixed(String reference) {
    return post(V2 + "servicerequestupdates.xml")
        .param("api_key", Fixtures.OPEN311_KEY)
        .param("service_request_id", reference)
        .param("status", "FIXED")
        .param("description", "Done");
  }

  /** Issues a key on the admin page, as an admin would; answers the key shown. */
  private String issueKey(RequestPostProcessor admin, String name) throws Exception {
    String page =
        mvc.perform(
                post("/admin/open311-clients")
                    .with(admin)
                    .with(csrf())
                    .param("name", name)
                    .param("contact", "support@example.org")
                    .param("jurisdictionId", Fixtures.JURISDICTION))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher m = Pattern.compile("<code id=\"issued-key\">([^<]+)</code>").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }

  // --- helpers
  // -----------------------------------------------------------------------------------------

  private MockHttpServletRequestBuilder report(String format) {
    return post(V2 + "requests." + format)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .param("api_key", Fixtures.OPEN311_KEY)
        .param("jurisdiction_id", Fixtures.JURISDICTION)
        .param("service_code", Fixtures.MISSED_BIN);
  }

  private String ok(MockHttpServletRequestBuilder request, MediaType type) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(200);
    assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(type))
        .as(response.getContentType())
        .isTrue();
    return body;
  }

  private void assertError(MockHttpServletRequestBuilder request, int status, String fixture)
      throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(fixture + ": " + body).isEqualTo(status);
    MediaType type = fixture.endsWith(".json") ? Open311Controller.JSON : Open311Controller.XML;
    assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(type))
        .as(fixture)
        .isTrue();
    assertMatches(fixture, body);
  }

  private static String reference(String body) {
    Matcher m = Pattern.compile("BR-\\d{4}-\\d{6,}").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group();
  }

  /**
   * Pins a response: references, ids and times become placeholders. A missing fixture is written.
   */
  static void assertMatches(String fixture, String actual) throws IOException {
    String normal =
        actual
            .replaceAll("BR-\\d{4}-\\d{6,}", "{reference}")
            .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d", "{datetime}")
            .replaceAll("(<update_id>|\"update_id\":\")\\d+", "$1{update_id}");
    Path file = FIXTURES.resolve(fixture);
    if (!Files.exists(file) || Boolean.getBoolean("open311.write-fixtures")) {
      Files.writeString(file, normal);
      if (!Boolean.getBoolean("open311.write-fixtures")) {
        throw new AssertionError("Wrote new fixture " + file + ": review it, then run again");
      }
    }
    assertThat(normal).as(fixture).isEqualTo(Files.readString(file));
  }

  private static String onlyServices(String xml, String... codes) {
    StringBuilder out =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<services>\n");
    Matcher m = Pattern.compile("(?s)  <service>\n.*?  </service>\n").matcher(xml);
    while (m.find()) {
      for (String code : codes) {
        if (m.group().contains("<service_code>" + code + "</service_code>")) {
          out.append(m.group());
        }
      }
    }
    return out.append("</services>\n").toString();
  }

  private static String onlyUpdatesOf(String xml, String reference) {
    StringBuilder out =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_request_updates>\n");
    Matcher m = Pattern.compile("(?s)  <request_update>\n.*?  </request_update>\n").matcher(xml);
    while (m.find()) {
      if (m.group().contains("<service_request_id>" + reference + "</service_request_id>")) {
        out.append(m.group());
      }
    }
    return out.append("</service_request_updates>\n").toString();
  }

  private void asSupervisor() {
    signedIn.enter(Fixtures.SUPERVISOR);
  }
}
