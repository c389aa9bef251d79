// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Exempt information (Schedule 12A; reg 20 of SI 2012/2089): what is withheld never reaches the
 * public page, the JSON API, the Atom feed, an earlier version or the register's search, while the
 * public are told which paragraph is relied on and staff who record decisions see it all.
 */
class ExemptDecisionsIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;

  @Test
  void aPartlyExemptDecisionWithholdsItsExemptPartAndReportEverywhereThePublicLook()
      throws Exception {
    String secret = "Secret" + UUID.randomUUID().toString().substring(0, 8);
    String title = "Waste contract " + UUID.randomUUID();
    String id =
        importOne(
            decision(
                title,
                ", \"purpose\": \"A new waste contract.\","
                    + " \"exemption\": {\"extent\": \"PART\", \"paragraph\": 3,"
                    + " \"exemptPart\": \"The tender prices were "
                    + secret
                    + ".\"},"
                    + " \"documents\": [{\"title\": \"Tender evaluation\","
                    + " \"url\": \"/internal/"
                    + secret
                    + ".pdf\", \"exemptParagraph\": 3},"
                    + " {\"title\": \"Cabinet report\", \"url\": \"/reports/waste.pdf\"}]"));

    String page = html("/decisions/" + id);
    assertThat(page)
        .contains(
            "paragraph 3 of Part 1 of Schedule 12A", "Tender evaluation", "/reports/waste.pdf")
        .contains("financial or business affairs")
        .doesNotContain(secret);
    String json = publicJson("/api/v1/decisions/" + id);
    assertThat(json).doesNotContain(secret);
    assertThat(JsonPath.<String>read(json, "$.exemption.extent")).isEqualTo("PART");
    assertThat(JsonPath.<Integer>read(json, "$.exemption.paragraph")).isEqualTo(3);
    assertThat(JsonPath.<Object>read(json, "$.exemption.exemptPart")).isNull();
    assertThat(JsonPath.<Object>read(json, "$.documents[0].url")).isNull();
    assertThat(JsonPath.<Integer>read(json, "$.documents[0].exemptParagraph")).isEqualTo(3);
    assertThat(html("/decisions/" + id + "/versions/1")).doesNotContain(secret);
    assertThat(feed(title)).contains(title).doesNotContain(secret);
    assertThat(
            JsonPath.<List<Object>>read(publicJson("/api/v1/decisions?q=" + secret), "$.decisions"))
        .isEmpty();

    String staffPage = staffHtml("/governance/decisions/" + id);
    assertThat(staffPage).contains(secret, "Exempt: not published");
  }

  @Test
  void aWhollyExemptDecisionPublishesOnlyItsTitleMakerDatesAndInterests() throws Exception {
    String secret = "Hidden" + UUID.randomUUID().toString().substring(0, 8);
    String title = "Legal advice " + UUID.randomUUID();
    String id =
        importOne(
            decision(
                    title,
                    ", \"purpose\": \"Background "
                        + secret
                        + "\", \"alternativeOptions\": [{\"option\": \"Settle "
                        + secret
                        + "\", \"whyRejected\": \"Cost\"}],"
                        + " \"interests\": [{\"member\": \"Cllr Pat Lee\","
                        + " \"kind\": \"OTHER_REGISTRABLE\", \"interest\": \"A neighbour\"}],"
                        + " \"exemption\": {\"extent\": \"WHOLE\", \"paragraph\": 5}")
                .replace("to spend money", "to settle " + secret)
                .replace("\"Because.\"", "\"Because " + secret + "\""));

    String page = html("/decisions/" + id);
    assertThat(page)
        .contains(title, "paragraph 5 of Part 1 of Schedule 12A", "Only its title")
        .contains("Cllr Pat Lee")
        .doesNotContain(secret);
    String json = publicJson("/api/v1/decisions/" + id);
    assertThat(json).doesNotContain(secret);
    assertThat(JsonPath.<List<Object>>read(json, "$.items")).isEmpty();
    assertThat(JsonPath.<List<Object>>read(json, "$.alternativeOptions")).isEmpty();
    assertThat(JsonPath.<String>read(json, "$.exemption.extent")).isEqualTo("WHOLE");
    assertThat(feed(title)).contains(title).doesNotContain(secret);
    assertThat(
            JsonPath.<List<Object>>read(publicJson("/api/v1/decisions?q=" + secret), "$.decisions"))
        .isEmpty();
    assertThat(
            JsonPath.<List<String>>read(
                publicJson("/api/v1/decisions?q=" + title.substring(13)), "$.decisions[*].id"))
        .containsExactly(id);

    assertThat(staffHtml("/governance/decisions/" + id)).contains("to settle " + secret);
  }

  @Test
  void anExemptionNamesItsParagraphAndAPartExemptionItsWords() throws Exception {
    MockHttpServletResponse refused =
        mvc.perform(
                post("/api/v1/decisions")
                    .with(signedIn.request(Fixtures.DEMOCRATIC_SERVICES))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .content(
                        decision(
                            "Exempt " + UUID.randomUUID(),
                            ", \"exemption\": {\"extent\": \"PART\"}")))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("exemption.paragraph", "Choose the paragraph of Schedule 12A")
        .contains("exemption.exemptPart", "Enter the exempt part, which will not be published");

    String form =
        mvc.perform(
                post("/governance/decisions/new")
                    .with(signedIn.request(Fixtures.DEMOCRATIC_SERVICES))
                    .with(csrf())
                    .param("issue.title", "Exempt form")
                    .param("decisionMaker.kind", "BODY")
                    .param("decisionMaker.name", "Cabinet")
                    .param("decisionDate-day", "1")
                    .param("decisionDate-month", "2")
                    .param("decisionDate-year", "2018")
                    .param("exemption.extent", "WHOLE")
                    .param("exemption.paragraph", "9")
                    .param("documents-count", "1")
                    .param("documents[0].title", "Report")
                    .param("documents[0].exemptParagraph", "x")
                    .param("action", "save"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("href=\"#exemption.paragraph\"", "Choose the paragraph of Schedule 12A relied on")
        .contains(
            "href=\"#documents[0].exemptParagraph\"",
            "Choose the paragraph document 1 is exempt under");
  }

  @Test
  void theFormRecordsAnExemptionAndShowsItAgainForChanging() throws Exception {
    String title = "Exempt form " + UUID.randomUUID();
    MockHttpServletResponse saved =
        mvc.perform(
                post("/governance/decisions/new")
                    .with(signedIn.request(Fixtures.DEMOCRATIC_SERVICES))
                    .with(csrf())
                    .param("issue.title", title)
                    .param("decisionMaker.kind", "BODY")
                    .param("decisionMaker.name", "Cabinet")
                    .param("decisionDate-day", "1")
                    .param("decisionDate-month", "2")
                    .param("decisionDate-year", "2018")
                    .param("exemption.extent", "PART")
                    .param("exemption.paragraph", "1")
                    .param("exemption.exemptPart", "The officer's name is withheld.")
                    .param("action", "save"))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
    String edit = staffHtml(saved.getRedirectedUrl() + "/edit");
    assertThat(edit)
        .containsPattern("value=\"PART\"[^>]*checked")
        .containsPattern("<option value=\"1\"[^>]*selected")
        .contains("The officer&#39;s name is withheld.");
  }

  @Test
  void aForwardPlanNoticeOfAPrivateMeetingIsTheRegulationFiveNoticeAndNamesItsParagraph()
      throws Exception {
    String title = "Private " + UUID.randomUUID();
    LocalDate expected = LocalDate.now().plusDays(45);
    MockHttpServletResponse published =
        forwardPlan(
            """
            {"title": "%s", "decisionMaker": "Cabinet", "expectedDecisionDate": "%s",
             "privateReason": "The report sets out bidders' prices.", "privateParagraph": 3}"""
                .formatted(title, expected));
    assertThat(published.getStatus()).as(published.getContentAsString()).isEqualTo(201);
    String body = published.getContentAsString();
    assertThat(JsonPath.<Integer>read(body, "$.privateParagraph")).isEqualTo(3);

    String page = html("/forward-plan/" + JsonPath.read(body, "$.id"));
    assertThat(page)
        .contains("The report sets out bidders&#39; prices.")
        .contains("paragraph 3 of Part 1 of Schedule 12A")
        .contains("regulation 5 of SI 2012/2089");

    MockHttpServletResponse refused =
        forwardPlan(
            """
            {"title": "%s", "decisionMaker": "Cabinet", "expectedDecisionDate": "%s",
             "privateReason": "Legal advice."}"""
                .formatted(title, expected));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("privateParagraph", "Choose the paragraph of Schedule 12A");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static String decision(String title, String extra) {
    return """
        {"issue": {"title": "%s"}, "decisionMaker": {"kind": "BODY", "name": "Cabinet"},
         "decisionDate": "2021-03-01", "publicationDate": "2021-03-02",
         "items": [{"verb": "AGREED", "text": "to spend money"}],
         "reasons": "Because."%s}"""
        .formatted(title, extra);
  }

  private MockHttpServletResponse forwardPlan(String json) throws Exception {
    return mvc.perform(
            post("/api/v1/forward-plan")
                .with(signedIn.request(Fixtures.DEMOCRATIC_SERVICES))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content(json))
        .andReturn()
        .getResponse();
  }

  private String importOne(String body) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/api/v1/decisions/import")
                    .with(signedIn.request(Fixtures.DEMOCRATIC_SERVICES))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .content("{\"decisions\": [" + body + "]}"))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$[0]");
  }

  private String html(String path) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
    assertThat(r.getStatus()).as(path).isEqualTo(200);
    return r.getContentAsString();
  }

  private String staffHtml(String path) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get(path).with(signedIn.request(Fixtures.DEMOCRATIC_SERVICES)))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(path).isEqualTo(200);
    return r.getContentAsString();
  }

  private String publicJson(String path) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get(path).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
    assertThat(r.getStatus()).as(path).isEqualTo(200);
    return r.getContentAsString();
  }

  private String feed(String title) throws Exception {
    return mvc.perform(get("/decisions.atom").param("q", title))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
