// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The JSON API under {@code /api/v1} as an integration sees it: bearer tokens, problem details that
 * name every bad field, case references, status changes, the catalogue, queues and OpenAPI.
 */
class ApiIT extends IntegrationTest {

  private static final String REFERENCE = "BR-\\d{4}-\\d{6}";

  /** Bearer tokens issued to fixture users, once per database. */
  private static String agentToken;

  private static String caseworkerToken;

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired StaffAdministration administration;
  @Autowired StaffDirectory directory;

  // --- residents --------------------------------------------------------------------------------

  @Test
  void aResidentWithSeveralBadFieldsGetsEveryFieldListed() throws Exception {
    asAgent(
            post("/api/v1/residents")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"surname": "Nameless", "addressLine1": "3 Problem Street",
                     "postcode": "NOT A POSTCODE", "email": "not-an-email"}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[*].field", hasItems("forename", "postcode", "email")))
        .andExpect(jsonPath("$.errors[?(@.field == 'forename')].reason").isNotEmpty())
        .andExpect(jsonPath("$.errors[?(@.field == 'postcode')].reason").isNotEmpty())
        .andExpect(jsonPath("$.errors[?(@.field == 'surname')]").isEmpty());
  }

  @Test
  void aValidResidentIsRegisteredAndReadBack() throws Exception {
    String surname = "Apiton" + suffix();
    String location =
        asAgent(
                post("/api/v1/residents")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"forename": "Ada", "surname": "%s", "postcode": "sw1a1aa",
                         "addressLine1": "4 Api Road", "phone": "07700 900982"}
                        """
                            .formatted(surname)))
            .andExpect(status().isCreated())
            .andExpect(
                header().string("Location", matchesPattern("/api/v1/residents/[0-9a-f-]{36}")))
            .andExpect(jsonPath("$.id").isString())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    asAgent(get(location))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.surname").value(surname))
        .andExpect(jsonPath("$.addresses[0].postcode").value("SW1A 1AA"));
  }

  @Test
  void malformedJsonIsA400ProblemNotAServerError() throws Exception {
    asAgent(
            post("/api/v1/residents")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"forename\": \"Unfinished\", "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400));
  }

  @Test
  void aWronglyTypedJsonValueIsA400ProblemNotAServerError() throws Exception {
    asAgent(
            post("/api/v1/residents")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"forename\": \"Typo\", \"surname\": \"Dates\", \"dateOfBirth\": \"soon\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("dateOfBirth"));
  }

  @Test
  void anUnknownEnumValueNamesItsField() throws Exception {
    asAgent(
            post("/api/v1/contacts")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\": \"CARRIER_PIGEON\", \"direction\": \"INBOUND\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("channel"))
        .andExpect(jsonPath("$.detail").value("'channel' has the wrong type or format"));
  }

  @Test
  void anUnknownResidentIsA404Problem() throws Exception {
    asAgent(get("/api/v1/residents/" + UUID.randomUUID()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    asAgent(get("/api/v1/residents/not-a-uuid"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  // --- cases ------------------------------------------------------------------------------------

  @Test
  void anAgentRaisesACaseAndReadsItByReference() throws Exception {
    var raised =
        asAgent(
                post("/api/v1/cases")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(missedBin("general")))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", matchesPattern("/api/v1/cases/" + REFERENCE)))
            .andReturn()
            .getResponse();
    String location = raised.getHeader("Location");
    String reference = location.substring(location.lastIndexOf('/') + 1);
    assertThat(reference(raised.getContentAsString())).isEqualTo(reference);

    String json =
        asAgent(get("/api/v1/cases/" + reference))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(
                jsonPath("$.answers[?(@.code == 'bin_type')].values[0]")
                    .value(hasItem("General waste")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(reference(json)).isEqualTo(reference);
    assertThat(caseStatus(json)).isEqualTo("NEW");
    // The POST answers from the rows it wrote; it must say exactly what a later read says.
    JSONAssert.assertEquals(json, raised.getContentAsString(), JSONCompareMode.STRICT);
  }

  @Test
  void anUnknownReferenceIsA404Problem() throws Exception {
    asAgent(get("/api/v1/cases/BR-1999-999999"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void aCaseWithoutARequiredAnswerNamesTheAttributeField() throws Exception {
    asAgent(
            post("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"serviceCode": "%s", "description": "Bin not emptied", "answers": {}}
                    """
                        .formatted(Fixtures.MISSED_BIN)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("attr-bin_type")));
  }

  @Test
  void aCaseWithAnAnswerNotInTheListIsRefused() throws Exception {
    asAgent(
            post("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(missedBin("food")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("attr-bin_type")));
  }

  @Test
  void aCaseworkerMovesACaseOnAndAnIllegalMoveIsAConflict() throws Exception {
    String reference = raiseCase();
    asCaseworker(
            post("/api/v1/cases/" + reference + "/status")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"status\": \"IN_PROGRESS\", \"note\": \"On it\", \"publicNote\": false}"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    String json =
        asCaseworker(get("/api/v1/cases/" + reference))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(caseStatus(json)).isEqualTo("IN_PROGRESS");

    asCaseworker(
            post("/api/v1/cases/" + reference + "/status")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"CLOSED\", \"publicNote\": false}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail").isNotEmpty());
  }

  /** The optional fields of a status change may be left out, as the OpenAPI document allows. */
  @Test
  void aStatusChangeNeedsOnlyTheStatus() throws Exception {
    String reference = raiseCase();
    asCaseworker(
            post("/api/v1/cases/" + reference + "/status")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"IN_PROGRESS\"}"))
        .andExpect(status().isOk());
  }

  /** Likewise a note needs only its text. */
  @Test
  void aNoteNeedsOnlyItsText() throws Exception {
    String reference = raiseCase();
    asAgent(
            post("/api/v1/cases/" + reference + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Resident called back\"}"))
        .andExpect(status().isOk());
  }

  @Test
  void anUnknownStatusIsA400ProblemNotAServerError() throws Exception {
    String reference = raiseCase();
    asCaseworker(
            post("/api/v1/cases/" + reference + "/status")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"SHELVED\", \"publicNote\": false}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void anAgentMayNotChangeAStatus() throws Exception {
    String reference = raiseCase();
    asAgent(
            post("/api/v1/cases/" + reference + "/status")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"IN_PROGRESS\", \"publicNote\": false}"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  // --- catalogue, teams, queues, contacts -------------------------------------------------------

  @Test
  void theServiceListHasMissedBinWithItsAttributes() throws Exception {
    asAgent(get("/api/v1/services"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].code", hasItems(Fixtures.MISSED_BIN, Fixtures.POTHOLE)))
        .andExpect(
            jsonPath(
                "$[?(@.code == '" + Fixtures.MISSED_BIN + "')].attributes[*].code",
                hasItems("bin_type", "collection_date")))
        .andExpect(
            jsonPath(
                "$[?(@.code == '" + Fixtures.MISSED_BIN + "')].attributes[0].values[*].key",
                hasItems("general", "recycling", "garden")));
    asAgent(get("/api/v1/services/" + Fixtures.MISSED_BIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.code").value(Fixtures.MISSED_BIN));
    asAgent(get("/api/v1/services/no-such-service"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void theTeamsAreListed() throws Exception {
    asAgent(get("/api/v1/teams"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].code", hasItems(Fixtures.WASTE, Fixtures.HIGHWAYS)));
  }

  @Test
  void aTeamQueueHasCasesAndANextLink() throws Exception {
    String reference = raiseCase();
    asCaseworker(get("/api/v1/teams/" + Fixtures.WASTE + "/queue"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cases").isArray())
        .andExpect(jsonPath("$.next").hasJsonPath());
    asCaseworker(get("/api/v1/teams/" + Fixtures.WASTE + "/queue").param("status", "NEW"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cases[*].status", everyItem(equalTo("NEW"))));
    asCaseworker(get("/api/v1/teams/no-such-team/queue"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(reference).matches(REFERENCE);
  }

  @Test
  void anAgentLogsAContact() throws Exception {
    String reference = raiseCase();
    asAgent(
            post("/api/v1/contacts")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"caseReference": "%s", "channel": "PHONE", "direction": "INBOUND",
                     "durationSeconds": 95, "outcome": "CASE_UPDATED",
                     "summary": "Resident chasing the bin"}
                    """
                        .formatted(reference)))
        .andExpect(status().isCreated())
        .andExpect(header().exists("Location"))
        .andExpect(jsonPath("$.channel").value("PHONE"));
  }

  @Test
  void aContactWithoutChannelOrOutcomeListsBoth() throws Exception {
    asAgent(post("/api/v1/contacts").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItems("channel", "direction", "outcome")));
  }

  // --- sessions work too --------------------------------------------------------------------

  @Test
  void theConsoleSessionCanCallTheApi() throws Exception {
    mvc.perform(
            get("/api/v1/teams")
                .with(signedIn.request(Fixtures.ANALYST))
                .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isOk());
  }

  // --- OpenAPI ----------------------------------------------------------------------------------

  @Test
  void theOpenApiDocumentDescribesTheApi() throws Exception {
    String json =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Map<String, Object> paths = JsonPath.read(json, "$.paths");
    assertThat(paths)
        .containsKeys(
            "/api/v1/cases/{reference}",
            "/api/v1/cases",
            "/api/v1/residents",
            "/api/v1/contacts",
            "/api/v1/services",
            "/api/v1/teams",
            "/api/v1/teams/{code}/queue",
            "/api/v1/decisions",
            "/api/v1/decisions/{id}",
            "/api/v1/forward-plan",
            "/api/v1/forward-plan/{id}",
            "/api/v1/systems",
            "/api/v1/systems/catch-up",
            "/api/v1/reserves",
            "/api/v1/budget-lines",
            "/api/v1/budget-lines/{id}/approve",
            "/api/v1/budget-setting");
    assertThat(paths.keySet()).allMatch(p -> p.startsWith("/api/"));
  }

  @Test
  void swaggerUiIsPublic() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/swagger-ui/index.html"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsIgnoringCase("swagger");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private ResultActions asAgent(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + tokens()[0]));
  }

  private ResultActions asCaseworker(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + tokens()[1]));
  }

  private synchronized String[] tokens() {
    if (agentToken == null) {
      agentToken = issue(Fixtures.AGENT);
      caseworkerToken = issue(Fixtures.CASEWORKER);
    }
    return new String[] {agentToken, caseworkerToken};
  }

  private String issue(String username) {
    var owner = directory.findByUsername(username).orElseThrow();
    return signedIn.as(
        username,
        () ->
            administration.issueApiToken(
                owner.id(),
                StaffAdministration.TokenRequest.own("ApiIT " + username + " " + suffix())));
  }

  private String raiseCase() throws Exception {
    String location =
        asAgent(
                post("/api/v1/cases")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(missedBin("recycling")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String missedBin(String binType) {
    return """
    {"serviceCode": "%s", "description": "Bin not emptied on collection day",
     "channel": "APP", "answers": {"bin_type": ["%s"]}}
    """
        .formatted(Fixtures.MISSED_BIN, binType);
  }

  /** The case's reference, at the top level or in its summary. */
  private static String reference(String json) {
    return topOrSummary(json, "reference");
  }

  private static String caseStatus(String json) {
    return topOrSummary(json, "status");
  }

  private static String topOrSummary(String json, String field) {
    Map<String, Object> root = JsonPath.read(json, "$");
    if (root.get(field) != null) {
      return String.valueOf(root.get(field));
    }
    Object summary = root.get("summary");
    if (summary instanceof Map<?, ?> s && s.get(field) != null) {
      return String.valueOf(s.get(field));
    }
    throw new AssertionError("No " + field + " in " + json);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
