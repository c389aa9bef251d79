// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decisions register end to end: the seed decision through import, the public API and its page;
 * the key-decision notice rules on publishing; call-in; corrections kept as versions; the Atom
 * feed; and an import with errors.
 */
class GovernanceIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired DecisionRegister register;
  @Autowired JsonMapper json;

  @Test
  void seedDecisionRoundTripsThroughTheJsonApiAndItsPageCarriesEverySentence() throws Exception {
    String seedJson = resource("/demo/decisions.json");
    MockHttpServletResponse imported =
        mvc.perform(
                asDemocraticServices(post("/api/v1/decisions/import"))
                    .content("{\"decisions\": " + seedJson + "}"))
            .andReturn()
            .getResponse();
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(201);
    String id = JsonPath.read(imported.getContentAsString(), "$[0]");

    // Anonymous: the register is public.
    MockHttpServletResponse api =
        mvc.perform(get("/api/v1/decisions/" + id).accept(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse();
    assertThat(api.getStatus()).isEqualTo(200);
    JsonNode expected = json.readTree(seedJson).get(0);
    JsonNode actual = json.readTree(api.getContentAsString());
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      assertThat(actual.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
    }
    assertThat(actual.get("id").asString()).isEqualTo(id);
    assertThat(actual.get("status").asString()).isEqualTo("IMPLEMENTABLE");
    assertThat(actual.get("callInDeadline").asString()).isEqualTo("2017-12-22");
    assertThat(actual.at("/items/0/amountPence").asLong()).isEqualTo(105_500_000L);

    // What the API returns imports again as it is.
    String again = "{\"decisions\": [" + api.getContentAsString() + "]}";
    assertThat(
            mvc.perform(asDemocraticServices(post("/api/v1/decisions/import")).content(again))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(201);

    String page =
        mvc.perform(get("/decisions/" + id).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String text = visibleText(page);
    for (String line :
        resource("/fixtures/governance/ict-resources-review-2017-12-15.txt").split("\n")) {
      String sentence = line.strip().replaceFirst("^• ", "");
      if (!sentence.isEmpty()) {
        assertThat(text).as("the page shows: " + sentence).contains(sentence);
      }
    }

    String list =
        mvc.perform(get("/api/v1/decisions?q=oneSource reserve&from=2017-12-01&to=2017-12-31"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(list, "$.decisions[*].id")).contains(id);
    String keyOnly =
        mvc.perform(get("/api/v1/decisions?keyOnly=true&q=oneSource"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(keyOnly, "$.decisions[*].id")).doesNotContain(id);
    String listPage =
        mvc.perform(get("/decisions?q=oneSource&maker=Cabinet").accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(listPage).contains("/decisions/" + id);
  }

  @Test
  void keyDecisionIsRefusedWithoutTwentyEightClearDaysNoticeAndSaysWhatIsMissing()
      throws Exception {
    LocalDate today = register.today();
    String late = draft(keyDecision("forwardPlanPublished", today.minusDays(28)));
    MockHttpServletResponse refused = publish(late);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
        .containsExactly(
            "forwardPlanPublished", "generalExceptionNotice", "specialUrgencyAgreedBy");
    assertThat(refused.getContentAsString()).contains("27 clear days before", "reg 10", "reg 11");
    // Still a draft, so still not public.
    assertThat(mvc.perform(get("/api/v1/decisions/" + late)).andReturn().getResponse().getStatus())
        .isEqualTo(404);

    MockHttpServletResponse onTime =
        publish(draft(keyDecision("forwardPlanPublished", today.minusDays(29))));
    assertThat(onTime.getStatus()).as(onTime.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<String>read(onTime.getContentAsString(), "$.status"))
        .isEqualTo("PUBLISHED");
    assertThat(JsonPath.<String>read(onTime.getContentAsString(), "$.callInDeadline"))
        .isEqualTo(register.callInDeadline(today).toString());
  }

  @Test
  void keyDecisionMayBePublishedUnderAGeneralExceptionOrSpecialUrgency() throws Exception {
    LocalDate today = register.today();
    String general =
        keyDecision("generalExceptionNotice", today.minusDays(6))
            .replace("}}", ", \"scrutinyChairInformed\": \"" + today.minusDays(6) + "\"}}");
    assertThat(publish(draft(general)).getStatus()).isEqualTo(200);

    String tooLate =
        keyDecision("generalExceptionNotice", today.minusDays(6))
            .replace("}}", ", \"scrutinyChairInformed\": \"" + today.minusDays(5) + "\"}}");
    MockHttpServletResponse refused = publish(draft(tooLate));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("only 4 clear days");

    String urgent =
        keyDecision("specialUrgencyAgreedOn", today)
            .replace("}}", ", \"specialUrgencyAgreedBy\": \"Cllr Scrutiny Chair\"}}");
    assertThat(publish(draft(urgent)).getStatus()).isEqualTo(200);
  }

  @Test
  void callInIsRecordedBeforeTheDeadlineAndRefusedAfterIt() throws Exception {
    String id = draft(decision("Call-in " + UUID.randomUUID(), register.today(), ""));
    assertThat(publish(id).getStatus()).isEqualTo(200);
    MockHttpServletResponse called =
        mvc.perform(
                asDemocraticServices(post("/api/v1/decisions/" + id + "/call-in"))
                    .content(
                        """
                        {"calledInOn": "%s", "calledInBy": "Cllr A, Cllr B, Cllr C",
                         "reason": "The options were not costed"}"""
                            .formatted(register.today())))
            .andReturn()
            .getResponse();
    assertThat(called.getStatus()).as(called.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<String>read(called.getContentAsString(), "$.status"))
        .isEqualTo("CALLED_IN");
    assertThat(JsonPath.<String>read(called.getContentAsString(), "$.callIn.calledInBy"))
        .isEqualTo("Cllr A, Cllr B, Cllr C");

    String old = importOne(decision("Old " + UUID.randomUUID(), LocalDate.of(2019, 5, 1), ""));
    MockHttpServletResponse late =
        mvc.perform(
                asDemocraticServices(post("/api/v1/decisions/" + old + "/call-in"))
                    .content(
                        """
                        {"calledInOn": "%s", "calledInBy": "Cllr A", "reason": "Too late"}"""
                            .formatted(register.today())))
            .andReturn()
            .getResponse();
    assertThat(late.getStatus()).isEqualTo(409);
  }

  @Test
  void aCallInsOutcomesMoveTheDecisionsStatusAndShowOnThePublicPage() throws Exception {
    String title = "Outcome " + UUID.randomUUID().toString().substring(0, 8);
    String id = draft(decision(title, register.today(), ""));
    assertThat(publish(id).getStatus()).isEqualTo(200);
    LocalDate today = register.today();
    assertThat(
            outcome(
                    id,
                    "{\"outcome\": \"NO_FURTHER_ACTION\", \"decidedOn\": \"%s\", \"decidedBy\": \"Board\"}"
                        .formatted(today))
                .getStatus())
        .as("not called in")
        .isEqualTo(409);
    mvc.perform(
            asDemocraticServices(post("/api/v1/decisions/" + id + "/call-in"))
                .content(
                    """
                    {"calledInOn": "%s", "calledInBy": "Cllr A, Cllr B", "reason": "Not costed"}"""
                        .formatted(today)))
        .andExpect(status().isOk());

    assertThat(
            outcome(
                    id,
                    "{\"outcome\": \"CONFIRMED\", \"decidedOn\": \"%s\", \"decidedBy\": \"Cabinet\"}"
                        .formatted(today))
                .getStatus())
        .as("only after a referral back")
        .isEqualTo(409);
    MockHttpServletResponse wrong =
        outcome(
            id,
            "{\"outcome\": null, \"decidedOn\": \"%s\", \"decidedBy\": \" \"}"
                .formatted(today.minusDays(1)));
    assertThat(wrong.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(wrong.getContentAsString(), "$.errors[*].field"))
        .containsExactly("outcome", "decidedOn", "decidedBy");

    MockHttpServletResponse council =
        outcome(
            id,
            """
            {"outcome": "REFERRED_TO_COUNCIL", "decidedOn": "%s",
             "decidedBy": "Overview and Scrutiny Board", "notes": "Costings to be shown to Council"}"""
                .formatted(today));
    assertThat(council.getStatus()).as(council.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<String>read(council.getContentAsString(), "$.status"))
        .isEqualTo("REFERRED_TO_COUNCIL");

    // The console's form: nothing chosen is an error on the page; then Council refers it back.
    String empty =
        mvc.perform(
                post("/governance/decisions/" + id + "/call-in/outcome")
                    .with(staff())
                    .with(csrf())
                    .param("decidedBy", "Council"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(empty).contains("govuk-error-summary", "Choose what was decided");
    mvc.perform(
            post("/governance/decisions/" + id + "/call-in/outcome")
                .with(staff())
                .with(csrf())
                .param("outcome", "REFERRED_BACK")
                .param(
                    "editVersion",
                    JsonPath.read(council.getContentAsString(), "$.editVersion").toString())
                .param("decidedOn-day", String.valueOf(today.getDayOfMonth()))
                .param("decidedOn-month", String.valueOf(today.getMonthValue()))
                .param("decidedOn-year", String.valueOf(today.getYear()))
                .param("decidedBy", "Council"))
        .andExpect(redirectedUrl("/governance/decisions/" + id));

    MockHttpServletResponse confirmed =
        outcome(
            id,
            "{\"outcome\": \"CONFIRMED\", \"decidedOn\": \"%s\", \"decidedBy\": \"Cabinet\"}"
                .formatted(today));
    assertThat(confirmed.getStatus()).as(confirmed.getContentAsString()).isEqualTo(200);
    assertThat(JsonPath.<String>read(confirmed.getContentAsString(), "$.status"))
        .isEqualTo("IMPLEMENTABLE");
    assertThat(
            JsonPath.<List<String>>read(
                confirmed.getContentAsString(), "$.callInOutcomes[*].outcome"))
        .containsExactly("REFERRED_TO_COUNCIL", "REFERRED_BACK", "CONFIRMED");
    assertThat(
            outcome(
                    id,
                    "{\"outcome\": \"NO_FURTHER_ACTION\", \"decidedOn\": \"%s\", \"decidedBy\": \"Board\"}"
                        .formatted(today))
                .getStatus())
        .as("nothing follows a confirmation")
        .isEqualTo(409);

    String page =
        mvc.perform(get("/decisions/" + id))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "What was decided about the call-in",
            "Referred to full Council",
            "Decided by Overview and Scrutiny Board.",
            "Costings to be shown to Council",
            "Referred back to the decision maker to reconsider",
            "The decision maker reconsidered it and confirmed it",
            ">Implementable<");
  }

  private MockHttpServletResponse outcome(String id, String json) throws Exception {
    return mvc.perform(
            asDemocraticServices(post("/api/v1/decisions/" + id + "/call-in/outcome"))
                .content(json))
        .andReturn()
        .getResponse();
  }

  @Test
  void correctionsNeedAReasonAndKeepEveryVersion() throws Exception {
    String title = "Correction " + UUID.randomUUID().toString().substring(0, 8);
    String id = importOne(decision(title, LocalDate.of(2020, 3, 2), ""));
    var form = correctionForm(id, title, "to spend the corrected amount", "");
    MockHttpServletResponse noReason =
        mvc.perform(form.apply(post("/governance/decisions/" + id + "/edit")))
            .andReturn()
            .getResponse();
    assertThat(noReason.getStatus()).isEqualTo(200);
    assertThat(noReason.getContentAsString())
        .contains("Error:", "Enter the reason for the correction");

    var withReason = correctionForm(id, title, "to spend the corrected amount", "Typing error");
    MockHttpServletResponse saved =
        mvc.perform(withReason.apply(post("/governance/decisions/" + id + "/edit")))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);

    String api =
        mvc.perform(get("/api/v1/decisions/" + id)).andReturn().getResponse().getContentAsString();
    assertThat(JsonPath.<Integer>read(api, "$.version")).isEqualTo(2);
    assertThat(JsonPath.<List<String>>read(api, "$.versions[*].reason"))
        .containsExactly("Imported", "Typing error");
    assertThat(JsonPath.<String>read(api, "$.items[0].text"))
        .isEqualTo("to spend the corrected amount");
    assertThat(JsonPath.<Integer>read(api, "$.items[0].amountPence")).isEqualTo(105_500_000);

    String first = visibleText(html("/decisions/" + id + "/versions/1"));
    assertThat(first).contains("1. Agreed to spend money", "You are reading version 1");
    String current = visibleText(html("/decisions/" + id));
    assertThat(current)
        .contains(
            "1. Agreed to spend the corrected amount", "Versions of this decision", "Typing error");

    // A second correction made to version 1 lost the race: refused, not merged.
    MockHttpServletResponse stale =
        mvc.perform(withReason.apply(post("/governance/decisions/" + id + "/edit")))
            .andReturn()
            .getResponse();
    assertThat(stale.getStatus()).isEqualTo(409);
  }

  @Test
  void democraticServicesRecordAndPublishADecisionThroughThePages() throws Exception {
    String title = "Pages " + UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = register.today();
    MockHttpServletResponse recorded =
        mvc.perform(
                post("/governance/decisions/new")
                    .with(staff())
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("issue.title", title)
                    .param("issue.wards", Fixtures.WARD, "E05000002")
                    .param("decisionMaker.kind", "BODY")
                    .param("decisionMaker.name", "Cabinet")
                    .param("decisionDate-day", String.valueOf(today.getDayOfMonth()))
                    .param("decisionDate-month", String.valueOf(today.getMonthValue()))
                    .param("decisionDate-year", String.valueOf(today.getYear()))
                    .param("keyDecision", "no")
                    .param("subjectToCallIn", "yes")
                    .param("items[0].verb", "AGREED")
                    .param("items[0].text", "to increase the budget")
                    .param("items[0].amount", "£1.055m")
                    .param("items[0].financialYear", "2017/18")
                    .param("items[1].verb", "")
                    .param("items[1].text", "")
                    .param("alternativeOptions[0].option", "Do nothing")
                    .param("alternativeOptions[0].whyRejected", "Not an option")
                    .param("interests[0].member", "Cllr Jo Bloggs")
                    .param("interests[0].kind", "DISCLOSABLE_PECUNIARY")
                    .param("interests[0].interest", "Owns a shop on the street")
                    .param("interests[0].dispensationBy", "the Standards Committee")
                    .param("interests[0].dispensationOn-day", String.valueOf(today.getDayOfMonth()))
                    .param(
                        "interests[0].dispensationOn-month", String.valueOf(today.getMonthValue()))
                    .param("interests[0].dispensationOn-year", String.valueOf(today.getYear()))
                    .param("interests[1].member", "")
                    .param("interests[1].kind", "")
                    .param("reasons", "Because.")
                    .param("action", "save"))
            .andReturn()
            .getResponse();
    assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(302);
    String location = recorded.getRedirectedUrl();
    String id = location.substring(location.lastIndexOf('/') + 1);

    String staffPage =
        mvc.perform(get(location).with(staff()).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(staffPage).contains("This may be a key decision", "£1,055,000", "affects 2 wards");

    MockHttpServletResponse published =
        mvc.perform(
                post(location + "/publish")
                    .with(staff())
                    .with(csrf())
                    .param("editVersion", editVersion(id)))
            .andReturn()
            .getResponse();
    assertThat(published.getStatus()).isEqualTo(302);
    String api =
        mvc.perform(get("/api/v1/decisions/" + id)).andReturn().getResponse().getContentAsString();
    assertThat(JsonPath.<String>read(api, "$.status")).isEqualTo("PUBLISHED");
    assertThat(JsonPath.<Integer>read(api, "$.items[0].amountPence")).isEqualTo(105_500_000);
    assertThat(JsonPath.<List<String>>read(api, "$.issue.wards"))
        .containsExactly(Fixtures.WARD, "E05000002");
    assertThat(JsonPath.<List<Object>>read(api, "$.items")).hasSize(1);
    assertThat(JsonPath.<List<Object>>read(api, "$.interests")).hasSize(1);
    assertThat(JsonPath.<String>read(api, "$.interests[0].kind"))
        .isEqualTo("DISCLOSABLE_PECUNIARY");
    assertThat(JsonPath.<String>read(api, "$.interests[0].dispensationOn"))
        .isEqualTo(today.toString());
    String publicPage =
        visibleText(
            mvc.perform(get("/decisions/" + id).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(publicPage)
        .contains("Cllr Jo Bloggs", "Disclosable pecuniary interest: Owns a shop on the street")
        .contains("Granted by the Standards Committee on");

    String wardList =
        mvc.perform(get("/api/v1/decisions?ward=E05000002&q=" + title))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(wardList, "$.decisions[*].id")).containsExactly(id);
  }

  @Test
  void anInterestSaysWhoWhatAndBothPartsOfAnyDispensation() throws Exception {
    String refused =
        interests(
            "interests[0].interest", "A shop on the street",
            "interests[0].dispensationBy", "the Monitoring Officer");
    assertThat(refused)
        .contains("href=\"#interests[0].member\"", "Enter who declared interest 1")
        .contains("href=\"#interests[0].kind\"", "Choose the kind of interest 1")
        .contains(
            "href=\"#interests[0].dispensationOn\"",
            "A dispensation needs both who granted it and the date it was granted");
    String unknownKind =
        interests(
            "interests[0].member", "Cllr Kim",
            "interests[0].kind", "SOMETHING_ELSE",
            "interests[0].interest", "A relative");
    assertThat(unknownKind)
        .contains("href=\"#interests[0].kind\"", "Choose the kind of interest 1 from the list");
  }

  /** The form for a new decision sent with these fields of its interests; the page it answers. */
  private String interests(String... fields) throws Exception {
    var request =
        post("/governance/decisions/new")
            .with(staff())
            .with(csrf())
            .param("issue.title", "Interests")
            .param("decisionMaker.kind", "BODY")
            .param("decisionMaker.name", "Cabinet")
            .param("decisionDate-day", "1")
            .param("decisionDate-month", "2")
            .param("decisionDate-year", "2018")
            .param("action", "save");
    for (int i = 0; i < fields.length; i += 2) {
      request.param(fields[i], fields[i + 1]);
    }
    MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    return r.getContentAsString();
  }

  @Test
  void formRefusesImpossibleDatesAndAmountsNamingTheField() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/governance/decisions/new")
                    .with(staff())
                    .with(csrf())
                    .param("issue.title", "Bad input")
                    .param("decisionMaker.kind", "BODY")
                    .param("decisionMaker.name", "Cabinet")
                    .param("decisionDate-day", "31")
                    .param("decisionDate-month", "2")
                    .param("decisionDate-year", "2018")
                    .param("items[0].verb", "AGREED")
                    .param("items[0].text", "to spend")
                    .param("items[0].amount", "lots")
                    .param("action", "save"))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString())
        .contains(
            "href=\"#decisionDate\"",
            "The date of the decision must be a real date",
            "href=\"#items[0].amount\"",
            "must be an amount of money");
  }

  @Test
  void atomFeedIsValidAtom() throws Exception {
    String title = "Feed" + UUID.randomUUID().toString().substring(0, 8);
    importOne(decision(title, LocalDate.of(2021, 6, 1), ""));
    MockHttpServletResponse r = mvc.perform(get("/decisions.atom")).andReturn().getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentType()).startsWith("application/atom+xml");
    assertThat(AtomFeeds.assertValidAtom(r.getContentAsByteArray())).isNotEmpty();

    // An imported past decision was published on its publication date, not when it was imported.
    MockHttpServletResponse one =
        mvc.perform(get("/decisions.atom").param("q", title)).andReturn().getResponse();
    assertThat(AtomFeeds.assertValidAtom(one.getContentAsByteArray()))
        .singleElement()
        .satisfies(
            e -> assertThat(AtomFeeds.text(e, "published")).isEqualTo("2021-05-31T23:00:00Z"));
  }

  @Test
  void forwardPlanNoticeIsPublicInTheListTheFeedAndJsonAndLeadsToItsDecision() throws Exception {
    LocalDate today = register.today();
    String title = "Forward " + UUID.randomUUID().toString().substring(0, 8);
    MockHttpServletResponse published =
        mvc.perform(
                asDemocraticServices(post("/api/v1/forward-plan"))
                    .content(
                        """
                        {"title": "%s", "decisionMaker": "Cabinet", "expectedDecisionDate": "%s",
                         "wards": ["%s"], "documents": "Report of the Chief Executive",
                         "documentsFrom": "Democratic Services, Town Hall"}"""
                            .formatted(title, today.plusDays(40), Fixtures.WARD)))
            .andReturn()
            .getResponse();
    assertThat(published.getStatus()).as(published.getContentAsString()).isEqualTo(201);
    String notice = JsonPath.read(published.getContentAsString(), "$.id");
    assertThat(JsonPath.<String>read(published.getContentAsString(), "$.publishedOn"))
        .isEqualTo(today.toString());
    assertThat(JsonPath.<String>read(published.getContentAsString(), "$.earliestDecisionDate"))
        .isEqualTo(today.plusDays(29).toString());

    // Anonymous: the list, the notice, the JSON and the feed.
    assertThat(visibleText(html("/forward-plan"))).contains(title, "Forthcoming");
    assertThat(visibleText(html("/forward-plan/" + notice)))
        .contains(title, "Report of the Chief Executive", "Democratic Services, Town Hall");
    String list =
        mvc.perform(get("/api/v1/forward-plan?limit=200"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(list, "$.notices[*].id")).contains(notice);
    MockHttpServletResponse feed = mvc.perform(get("/forward-plan.atom")).andReturn().getResponse();
    assertThat(feed.getContentType()).startsWith("application/atom+xml");
    assertThat(
            AtomFeeds.assertValidAtom(feed.getContentAsByteArray()).stream()
                .map(e -> AtomFeeds.text(e, "id")))
        .contains("urn:uuid:" + notice);

    // A key decision linked to it takes the notice's date: too recent to publish on it alone.
    String decision = draft(decision("Key " + UUID.randomUUID(), today, ", \"keyDecision\": true"));
    MockHttpServletResponse linked =
        mvc.perform(
                asDemocraticServices(post("/api/v1/forward-plan/" + notice + "/decision"))
                    .content("{\"decisionId\": \"" + decision + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(linked.getStatus()).as(linked.getContentAsString()).isEqualTo(200);
    String draftJson =
        mvc.perform(
                get("/governance/decisions/" + decision).with(staff()).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(visibleText(draftJson)).contains("Forward plan notice");
    MockHttpServletResponse refused = publish(decision);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("it was published 0 clear days before");
    // The public does not see the draft it is linked to; the notice is still forthcoming.
    String publicNotice =
        mvc.perform(get("/api/v1/forward-plan/" + notice))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(publicNotice, "$.status")).isEqualTo("FORTHCOMING");
    assertThat(JsonPath.<Object>read(publicNotice, "$.decision")).isNull();

    // A second notice cannot claim the same decision; a withdrawal needs a reason.
    String other =
        JsonPath.read(
            mvc.perform(
                    asDemocraticServices(post("/api/v1/forward-plan"))
                        .content(
                            """
                            {"title": "Other %s", "decisionMaker": "Cabinet",
                             "expectedDecisionDate": "%s"}"""
                                .formatted(title, today.plusDays(30))))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    MockHttpServletResponse twice =
        mvc.perform(
                asDemocraticServices(post("/api/v1/forward-plan/" + other + "/decision"))
                    .content("{\"decisionId\": \"" + decision + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(twice.getStatus()).isEqualTo(400);
    assertThat(twice.getContentAsString()).contains("linked to another forward-plan notice");
    MockHttpServletResponse noReason =
        mvc.perform(
                asDemocraticServices(post("/api/v1/forward-plan/" + other + "/withdraw"))
                    .content("{\"reason\": \" \"}"))
            .andReturn()
            .getResponse();
    assertThat(noReason.getStatus()).isEqualTo(400);
    MockHttpServletResponse withdrawn =
        mvc.perform(
                asDemocraticServices(post("/api/v1/forward-plan/" + other + "/withdraw"))
                    .content("{\"reason\": \"Deferred to the next municipal year\"}"))
            .andReturn()
            .getResponse();
    assertThat(JsonPath.<String>read(withdrawn.getContentAsString(), "$.status"))
        .isEqualTo("WITHDRAWN");
    String forthcoming =
        mvc.perform(get("/api/v1/forward-plan?limit=200"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(forthcoming, "$.notices[*].id"))
        .contains(notice)
        .doesNotContain(other);
  }

  @Test
  void forwardPlanNoticeRefusesAPastDateAndAMissingTitleNamingTheFields() throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                post("/governance/forward-plan/new")
                    .with(staff())
                    .with(csrf())
                    .param("decisionMaker", "Cabinet")
                    .param("expectedDecisionDate-day", "1")
                    .param("expectedDecisionDate-month", "1")
                    .param("expectedDecisionDate-year", "2020"))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString())
        .contains(
            "href=\"#title\"",
            "Enter the matter to be decided",
            "href=\"#expectedDecisionDate\"",
            "must be in the future");
  }

  @Test
  void aLaterDecisionSupersedesAnEarlierOneWhichThenCannotBeCorrected() throws Exception {
    String earlier =
        importOne(decision("Earlier " + UUID.randomUUID(), LocalDate.of(2019, 1, 10), ""));
    String later = importOne(decision("Later " + UUID.randomUUID(), LocalDate.of(2020, 1, 10), ""));

    MockHttpServletResponse backwards =
        mvc.perform(
                asDemocraticServices(post("/api/v1/decisions/" + later + "/superseded-by"))
                    .content("{\"supersededBy\": \"" + earlier + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(backwards.getStatus()).isEqualTo(400);
    assertThat(backwards.getContentAsString()).contains("only a later decision can supersede it");

    MockHttpServletResponse page =
        mvc.perform(
                post("/governance/decisions/" + earlier + "/superseded-by")
                    .with(staff())
                    .with(csrf())
                    .param("editVersion", editVersion(earlier))
                    .param("supersededBy", later))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).as(page.getContentAsString()).isEqualTo(302);

    String api =
        mvc.perform(get("/api/v1/decisions/" + earlier))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(api, "$.status")).isEqualTo("SUPERSEDED");
    assertThat(JsonPath.<String>read(api, "$.supersededBy.id")).isEqualTo(later);
    String successor =
        mvc.perform(get("/api/v1/decisions/" + later))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(successor, "$.supersedes[*].id"))
        .containsExactly(earlier);
    assertThat(visibleText(html("/decisions/" + earlier))).contains("Superseded by", "Later ");

    MockHttpServletResponse correction =
        mvc.perform(
                correctionForm(earlier, "Earlier", "to change it", "Too late")
                    .apply(post("/governance/decisions/" + earlier + "/edit")))
            .andReturn()
            .getResponse();
    assertThat(correction.getStatus()).isEqualTo(409);
    MockHttpServletResponse again =
        mvc.perform(
                asDemocraticServices(post("/api/v1/decisions/" + earlier + "/superseded-by"))
                    .content("{\"supersededBy\": \"" + later + "\"}"))
            .andReturn()
            .getResponse();
    assertThat(again.getStatus()).isEqualTo(409);
  }

  @Test
  void importWithErrorsReportsEveryErrorAndImportsNothing() throws Exception {
    String good = "Good import " + UUID.randomUUID();
    String bad =
        """
        {"issue": {"title": "Bad import"}, "decisionDate": "2018-01-10",
         "items": [{"verb": "AGREED", "text": "to spend", "amountPence": 100,
                    "financialYear": "2017/19"}]}""";
    MockHttpServletResponse r =
        mvc.perform(
                asDemocraticServices(post("/api/v1/decisions/import"))
                    .content(
                        "{\"decisions\": ["
                            + decision(
                                good,
                                LocalDate.of(2018, 1, 10),
                                ", \"publicationDate\": \"2018-01-11\"")
                            + ","
                            + bad
                            + "]}"))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(r.getContentAsString(), "$.errors[*].field"))
        .contains(
            "decisions[1].decisionMaker.kind",
            "decisions[1].decisionMaker.name",
            "decisions[1].items[0].financialYear",
            "decisions[1].reasons",
            "decisions[1].publicationDate")
        .noneMatch(f -> f.startsWith("decisions[0]"));
    String found =
        mvc.perform(get("/api/v1/decisions?q=" + good))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<Object>>read(found, "$.decisions")).isEmpty();
  }

  // --- helpers --------------------------------------------------------------------------------

  private org.springframework.test.web.servlet.request.RequestPostProcessor staff() {
    return signedIn.request(Fixtures.DEMOCRATIC_SERVICES);
  }

  private MockHttpServletRequestBuilder asDemocraticServices(MockHttpServletRequestBuilder b) {
    return b.with(signedIn.request(Fixtures.DEMOCRATIC_SERVICES))
        .with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON);
  }

  private static String decision(String title, LocalDate date, String extra) {
    return """
        {"issue": {"title": "%s"}, "decisionMaker": {"kind": "BODY", "name": "Cabinet"},
         "decisionDate": "%s", "publicationDate": "%s",
         "items": [{"verb": "AGREED", "text": "to spend money", "amountPence": 105500000,
                    "financialYear": "2017/18"}],
         "reasons": "Because."%s}"""
        .formatted(title, date, date, extra);
  }

  private static String keyDecision(String noticeField, LocalDate noticeDate) {
    return decision("Key " + UUID.randomUUID(), LocalDate.now(), ", \"keyDecision\": true")
            .replace("\"decisionDate\": \"" + LocalDate.now() + "\"", "\"decisionDate\": \"TODAY\"")
            .replaceFirst("}$", "")
        + ", \"keyDecisionNotice\": {\""
        + noticeField
        + "\": \""
        + noticeDate
        + "\"}}";
  }

  private String draft(String body) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                asDemocraticServices(post("/api/v1/decisions"))
                    .content(body.replace("TODAY", register.today().toString())))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$.id");
  }

  private MockHttpServletResponse publish(String id) throws Exception {
    return mvc.perform(asDemocraticServices(post("/api/v1/decisions/" + id + "/publish")))
        .andReturn()
        .getResponse();
  }

  private String importOne(String body) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                asDemocraticServices(post("/api/v1/decisions/import"))
                    .content("{\"decisions\": [" + body + "]}"))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return JsonPath.read(r.getContentAsString(), "$[0]");
  }

  /** The correction form of decision {@code id} as drawn now, at its current edit version. */
  private java.util.function.UnaryOperator<MockHttpServletRequestBuilder> correctionForm(
      String id, String title, String text, String reason) {
    String drawnAt = editVersion(id);
    return b ->
        b.with(staff())
            .param("editVersion", drawnAt)
            .with(csrf())
            .param("issue.title", title)
            .param("decisionMaker.kind", "BODY")
            .param("decisionMaker.name", "Cabinet")
            .param("decisionDate-day", "2")
            .param("decisionDate-month", "3")
            .param("decisionDate-year", "2020")
            .param("subjectToCallIn", "yes")
            .param("keyDecision", "no")
            .param("items[0].verb", "AGREED")
            .param("items[0].text", text)
            .param("items[0].amount", "1055000")
            .param("items[0].financialYear", "2017/18")
            .param("reasons", "Because.")
            .param("correctionReason", reason)
            .param("version", "1")
            .param("action", "save");
  }

  private String editVersion(String id) {
    return String.valueOf(
        signedIn.as(
            Fixtures.DEMOCRATIC_SERVICES, () -> register.find(DecisionId.of(id)).editVersion()));
  }

  private String html(String path) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
    assertThat(r.getStatus()).as(path).isEqualTo(200);
    return r.getContentAsString();
  }

  /** A page's text as a reader sees it: tags gone, entities decoded, spaces collapsed. */
  private static String visibleText(String html) {
    return html.replaceAll("(?s)<head>.*?</head>", " ")
        .replaceAll("<[^>]+>", " ")
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replaceAll("\\s+", " ");
  }

  private static String resource(String path) throws Exception {
    try (InputStream in = GovernanceIT.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
