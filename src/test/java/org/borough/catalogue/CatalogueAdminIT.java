// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.identity.StaffDirectory;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Administration of the service catalogue through the console pages and the JSON API: a service
 * added on the pages is offered at once on the raise-case form with its questions; bad input shows
 * the error summary (or a problem naming the field) and saves nothing; questions that cases have
 * answered can be retired but not removed.
 */
class CatalogueAdminIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired ServiceCatalogue catalogue;
  @Autowired CaseManagement cases;
  @Autowired StaffDirectory staff;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aServiceChangedOnAnotherNodeIsSeenHereWithinSeconds() throws Exception {
    String before = catalogue.find(Fixtures.POTHOLE).orElseThrow().description(); // now cached
    String after = "Changed on the other node " + System.nanoTime();
    // What another node's change leaves in the shared database: the row and a new version.
    jdbc.update("update service set description = ? where code = ?", after, Fixtures.POTHOLE);
    jdbc.update("update catalogue_version set version = version + 1 where id = 1");
    try {
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
      String seen = before;
      while (!seen.equals(after) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        seen = catalogue.find(Fixtures.POTHOLE).orElseThrow().description();
      }
      assertThat(seen).isEqualTo(after);
    } finally {
      jdbc.update("update service set description = ? where code = ?", before, Fixtures.POTHOLE);
      jdbc.update("update catalogue_version set version = version + 1 where id = 1");
    }
  }

  @Test
  void aServiceAddedOnThePagesIsOfferedOnTheRaiseCaseFormWithItsQuestions() throws Exception {
    String code = code();
    String team = staff.findTeamByCode(Fixtures.WASTE).orElseThrow().id().value().toString();
    admin(
            post("/admin/services/new")
                .param("name", "Abandoned trolley " + code)
                .param("code", code)
                .param("group", "Streets")
                .param("description", "A shopping trolley left in the street")
                .param("active", "true")
                .param("defaultTeamId", team)
                .param("priority", "LOW")
                .param("slaTarget", "3")
                .param("slaUnit", "WORKING_DAYS")
                .param("slaWarningPercent", "80")
                .param("slaPauseStatuses", "ON_HOLD"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/services/" + code));
    admin(
            post("/admin/services/" + code + "/attributes/new")
                .param("version", version(code))
                .param("label", "Which shop is it from?")
                .param("code", "shop")
                .param("type", "SINGLE_VALUE_LIST")
                .param("values", "Big Store\nlocal: The local shop")
                .param("required", "true")
                .param("helpText", "Look at the handle"))
        .andExpect(status().isFound());
    admin(
            post("/admin/services/" + code + "/attributes/new")
                .param("version", version(code))
                .param("label", "How many trolleys?")
                .param("code", "count")
                .param("type", "NUMBER")
                .param("required", "false"))
        .andExpect(status().isFound());

    String form =
        mvc.perform(get("/cases/new?service=" + code).with(signedIn.request(Fixtures.AGENT)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("Which shop is it from?", "Look at the handle", "The local shop", "Big Store")
        .contains("name=\"attr-shop\"", "value=\"big_store\"", "value=\"local\"")
        .contains("How many trolleys?");
    assertThat(form.indexOf("Which shop")).isLessThan(form.indexOf("How many trolleys"));

    // Reordered on the page: the form asks the number first.
    admin(
            post("/admin/services/" + code + "/attributes/count/move")
                .param("version", version(code))
                .param("direction", "up"))
        .andExpect(status().isFound());
    String reordered =
        mvc.perform(get("/cases/new?service=" + code).with(signedIn.request(Fixtures.AGENT)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(reordered.indexOf("How many trolleys")).isLessThan(reordered.indexOf("Which shop"));

    CaseView raised =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                cases.open(
                    new NewCase(
                        code,
                        null,
                        "Trolley outside number 4",
                        "4 High Street",
                        null,
                        null,
                        null,
                        Fixtures.WARD,
                        Map.of("shop", List.of("local")),
                        null,
                        null,
                        null,
                        null)));
    assertThat(raised.reference()).startsWith("BR-");
    assertThat(
            count(
                "select count(*) from audit_log where subject_type = 'service' and subject_id = ?",
                code))
        .isGreaterThanOrEqualTo(4);
    assertThat(
            count(
                "select count(*) from outbox_event where aggregate_type = 'service'"
                    + " and aggregate_id = ? and event_type = 'service.defined.v1'",
                code))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from outbox_event where aggregate_type = 'service'"
                    + " and aggregate_id = ? and event_type = 'service.changed.v1'",
                code))
        .isEqualTo(3);
  }

  @Test
  void badInputOnTheNewServicePageShowsTheErrorSummaryAndSavesNothing() throws Exception {
    String code = code();
    String page =
        admin(
                post("/admin/services/new")
                    .param("name", "")
                    .param("code", code)
                    .param("group", "Streets")
                    .param("description", "Something")
                    .param("priority", "NORMAL")
                    .param("slaTarget", "0")
                    .param("slaUnit", "WORKING_DAYS")
                    .param("slaWarningPercent", "75"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("<title>Error: ", "govuk-error-summary", "href=\"#name\"", "href=\"#slaTarget\"")
        .contains("The SLA target must be a whole number from 1 to 999");
    assertThat(catalogue.find(code)).isEmpty();
    assertThat(count("select count(*) from service where code = ?", code)).isZero();
  }

  @Test
  void aDuplicateCodeIsReportedOnTheCodeField() throws Exception {
    String page =
        admin(newServiceForm(Fixtures.MISSED_BIN, "Another missed bin"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("href=\"#code\"", "There is already a service with code " + Fixtures.MISSED_BIN);
    assertThat(catalogue.find(Fixtures.MISSED_BIN).orElseThrow().name())
        .isEqualTo("Missed bin collection");
  }

  @Test
  void aListQuestionWithNoValuesIsRefusedOnThePageAndNothingIsSaved() throws Exception {
    String code = code();
    admin(newServiceForm(code, "Graffiti " + code)).andExpect(status().isFound());
    String page =
        admin(
                post("/admin/services/" + code + "/attributes/new")
                    .param("version", version(code))
                    .param("label", "Surface")
                    .param("code", "surface")
                    .param("type", "MULTI_VALUE_LIST")
                    .param("values", "  \n"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "govuk-error-summary", "href=\"#values\"", "A list question needs at least one value");
    assertThat(catalogue.find(code).orElseThrow().attributes()).isEmpty();
  }

  @Test
  void anAnsweredQuestionCannotBeRemovedButCanBeRetired() throws Exception {
    String code = code();
    admin(newServiceForm(code, "Dumped sofa " + code)).andExpect(status().isFound());
    admin(
            post("/admin/services/" + code + "/attributes/new")
                .param("version", version(code))
                .param("label", "Colour")
                .param("code", "colour")
                .param("type", "STRING"))
        .andExpect(status().isFound());
    signedIn.as(
        Fixtures.AGENT, () -> cases.open(request(code, Map.of("colour", List.of("Brown")))));

    String refused =
        admin(
                post("/admin/services/" + code + "/attributes/colour/remove")
                    .param("version", version(code)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("govuk-error-summary", "href=\"#questions\"", "mark it inactive");
    assertThat(catalogue.find(code).orElseThrow().attributes()).hasSize(1);

    // Retired: no longer asked, refused on new cases, still labels the old answer.
    admin(
            post("/admin/services/" + code + "/attributes/colour")
                .param("version", version(code))
                .param("label", "Colour")
                .param("code", "colour")
                .param("type", "STRING")
                .param("active", "false"))
        .andExpect(status().isFound());
    assertThat(catalogue.find(code).orElseThrow().activeAttributes()).isEmpty();
    assertThat(
            mvc.perform(get("/cases/new?service=" + code).with(signedIn.request(Fixtures.AGENT)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("attr-colour");
    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.AGENT,
                    () -> cases.open(request(code, Map.of("colour", List.of("Red"))))))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.errors()).containsKey("attr-colour"));

    // An unanswered question goes at once.
    admin(
            post("/admin/services/" + code + "/attributes/new")
                .param("version", version(code))
                .param("label", "Size")
                .param("code", "size")
                .param("type", "STRING"))
        .andExpect(status().isFound());
    admin(
            post("/admin/services/" + code + "/attributes/size/remove")
                .param("version", version(code)))
        .andExpect(status().isFound());
    assertThat(catalogue.find(code).orElseThrow().attributes())
        .extracting(ServiceAttribute::code)
        .containsExactly("colour");
  }

  @Test
  void aQuestionChangedOnAFormDrawnBeforeAColleaguesChangeIsRefusedAndNothingIsSaved()
      throws Exception {
    String code = code();
    admin(newServiceForm(code, "Fly-posting " + code)).andExpect(status().isFound());
    admin(
            post("/admin/services/" + code + "/attributes/new")
                .param("version", version(code))
                .param("label", "Where is it?")
                .param("code", "place")
                .param("type", "STRING"))
        .andExpect(status().isFound());
    String drawnAt = version(code);
    admin(
            post("/admin/services/" + code + "/attributes/new")
                .param("version", drawnAt)
                .param("label", "How big is it?")
                .param("code", "size")
                .param("type", "STRING"))
        .andExpect(status().isFound());

    for (var stale :
        List.of(
            post("/admin/services/" + code + "/attributes/place")
                .param("label", "Which street?")
                .param("code", "place")
                .param("type", "STRING"),
            post("/admin/services/" + code + "/attributes/size/move").param("direction", "up"),
            post("/admin/services/" + code + "/attributes/place/remove"))) {
      assertThat(
              admin(stale.param("version", drawnAt))
                  .andExpect(status().isConflict())
                  .andReturn()
                  .getResponse()
                  .getContentAsString())
          .contains("Changed by someone else");
    }
    assertThat(catalogue.find(code).orElseThrow().attributes())
        .extracting(ServiceAttribute::code, ServiceAttribute::label)
        .containsExactly(tuple("place", "Where is it?"), tuple("size", "How big is it?"));
  }

  @Test
  void theCodeIsFixedOnceCasesExist() throws Exception {
    String code = code();
    admin(newServiceForm(code, "Needles " + code)).andExpect(status().isFound());
    String renamed = code();
    admin(editForm(code, renamed, "Needles " + code))
        .andExpect(redirectedUrl("/admin/services/" + renamed));
    assertThat(catalogue.find(code)).isEmpty();
    assertThat(catalogue.find(renamed)).isPresent();

    signedIn.as(Fixtures.AGENT, () -> cases.open(request(renamed, Map.of())));
    String page =
        admin(editForm(renamed, code(), "Needles " + code))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("href=\"#code\"", "The code cannot change");
    assertThat(catalogue.find(renamed)).isPresent();
  }

  @Test
  void anAdminSeesAndChangesWhetherAServiceIsPublishedAndTheApiShowsIt() throws Exception {
    String code = code();
    admin(newServiceForm(code, "Loose paving " + code)).andExpect(status().isFound());
    assertThat(catalogue.find(code).orElseThrow().published()).as("off by default").isFalse();
    assertThat(listed(code)).contains("Not public");
    String page =
        admin(get("/admin/services/" + code))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("name=\"published\" type=\"radio\" value=\"true\"");

    admin(editForm(code, code, "Loose paving " + code).param("published", "true"))
        .andExpect(redirectedUrl("/admin/services/" + code));
    assertThat(catalogue.find(code).orElseThrow().published()).isTrue();
    assertThat(listed(code)).contains(">Public<");
    assertThat(
            count(
                "select count(*) from audit_log where subject_id = ? and detail like ?",
                code,
                "%published%"))
        .isOne();

    api(get("/api/v1/services/" + code), "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.published").value(true));
    // A client that does not know the field keeps what the admin chose.
    api(put("/api/v1/services/" + code), json(code, 5, "[]", "[{\"key\": \"b\", \"name\": \"B\"}]"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.published").value(true));
    api(
            put("/api/v1/services/" + code),
            json(code, 5, "[]", "[{\"key\": \"b\", \"name\": \"B\"}]")
                .replace("\"priority\"", "\"published\": false, \"priority\""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.published").value(false));
    assertThat(catalogue.find(code).orElseThrow().published()).isFalse();
  }

  private String listed(String code) throws Exception {
    String list =
        admin(get("/admin/services"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher cell =
        Pattern.compile("<td[^>]*id=\"published-" + code + "\"[^>]*>([^<]*)</td>").matcher(list);
    assertThat(cell.find()).as(list).isTrue();
    return ">" + cell.group(1) + "<";
  }

  // --- JSON API
  // -----------------------------------------------------------------------------------

  @Test
  void theApiDefinesAServiceAndItsQuestions() throws Exception {
    String code = code();
    api(
            post("/api/v1/services"),
            json(code, 2, "[\"ON_HOLD\"]", "[{\"key\": \"a\", \"name\": \"A\"}]"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.code").value(code))
        .andExpect(jsonPath("$.sla.target").value(2))
        .andExpect(jsonPath("$.attributes[0].code").value("kind"))
        .andExpect(jsonPath("$.attributes[0].values[0].key").value("a"))
        .andExpect(jsonPath("$.attributes[0].active").value(true));
    assertThat(catalogue.find(code)).isPresent();

    api(put("/api/v1/services/" + code), json(code, 5, "[]", "[{\"key\": \"b\", \"name\": \"B\"}]"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sla.target").value(5))
        .andExpect(jsonPath("$.attributes[0].values[0].key").value("b"));
    assertThat(catalogue.find(code).orElseThrow().sla().pauseStatuses()).isEmpty();
  }

  @Test
  void apiValidationErrorsNameTheFieldsAndSaveNothing() throws Exception {
    String code = code();
    api(post("/api/v1/services"), json(code, 0, "[\"CLOSED\"]", "[]"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[?(@.field == 'slaTarget')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'slaPauseStatuses')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'attributes[0].values')]").exists());
    assertThat(catalogue.find(code)).isEmpty();

    api(
            post("/api/v1/services"),
            json(Fixtures.POTHOLE, 2, "[]", "[{\"key\": \"a\", \"name\": \"A\"}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("code"))
        .andExpect(
            jsonPath("$.errors[0].reason")
                .value("There is already a service with code " + Fixtures.POTHOLE));

    api(
            put("/api/v1/services/" + Fixtures.POTHOLE),
            "{\"name\": \"Pothole\", \"slaTarget\": \"soon\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("slaTarget"));
    assertThat(catalogue.find(Fixtures.POTHOLE).orElseThrow().sla().target()).isEqualTo(8);
  }

  @Test
  void onlyAnAdminMayChangeTheCatalogue() throws Exception {
    mvc.perform(
            post("/api/v1/services")
                .with(signedIn.request(Fixtures.SUPERVISOR))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(code(), 2, "[]", "[{\"key\": \"a\", \"name\": \"A\"}]")))
        .andExpect(status().isForbidden());
  }

  private org.springframework.test.web.servlet.ResultActions admin(
      MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(signedIn.request(Fixtures.ADMIN)).with(csrf()));
  }

  private org.springframework.test.web.servlet.ResultActions api(
      MockHttpServletRequestBuilder request, String body) throws Exception {
    return mvc.perform(
        request
            .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private static String json(String code, int target, String pauses, String values) {
    return """
        {"code": "%s", "name": "Api service %s", "group": "Api", "description": "Made by the API",
         "priority": "NORMAL", "slaTarget": %d, "slaUnit": "WORKING_HOURS",
         "slaWarningPercent": 50, "slaPauseStatuses": %s,
         "attributes": [{"code": "kind", "label": "Kind", "type": "SINGLE_VALUE_LIST",
                         "required": true, "values": %s}]}
        """
        .formatted(code, code, target, pauses, values);
  }

  private static MockHttpServletRequestBuilder newServiceForm(String code, String name) {
    return post("/admin/services/new")
        .param("name", name)
        .param("code", code)
        .param("group", "Streets")
        .param("description", "Made by a test")
        .param("priority", "NORMAL")
        .param("slaTarget", "5")
        .param("slaUnit", "WORKING_DAYS")
        .param("slaWarningPercent", "75");
  }

  /** The service's edit form as drawn now, at the service's current version. */
  private MockHttpServletRequestBuilder editForm(String code, String newCode, String name) {
    return post("/admin/services/" + code)
        .param("version", String.valueOf(catalogue.find(code).orElseThrow().version()))
        .param("name", name)
        .param("code", newCode)
        .param("group", "Streets")
        .param("description", "Made by a test")
        .param("active", "true")
        .param("priority", "NORMAL")
        .param("slaTarget", "5")
        .param("slaUnit", "WORKING_DAYS")
        .param("slaWarningPercent", "75");
  }

  private static NewCase request(String service, Map<String, List<String>> answers) {
    return new NewCase(
        service,
        null,
        "Raised by CatalogueAdminIT",
        "1 Test Street",
        null,
        null,
        null,
        Fixtures.WARD,
        answers,
        null,
        null,
        null,
        null);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  /** The service's version now, as its pages' forms carry it. */
  private String version(String code) {
    return String.valueOf(catalogue.find(code).orElseThrow().version());
  }

  private static String code() {
    return "svc-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
