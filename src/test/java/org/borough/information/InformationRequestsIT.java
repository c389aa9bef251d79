// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borough.support.DateFields.date;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.identity.StaffDirectory;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.borough.support.TestMail;
import org.borough.system.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Requests for information end to end on H2 and PostgreSQL: a case of an FOI or EIR service is a
 * request due in 20 working days; clarification stops and restarts the clock; an extension is
 * bounded and told; a refusal must name its exemptions, of its own law; the response goes to the
 * requester with their rights and, published, onto the public disclosure log; a review follows.
 */
class InformationRequestsIT extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired ServiceCatalogue catalogue;
  @Autowired StaffDirectory directory;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired InformationRequests requests;
  @Autowired InformationPerformance performance;
  @Autowired WorkingCalendar calendar;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;
  @Autowired org.borough.warehouse.WarehouseProbe warehouse;

  @BeforeEach
  void theServices() {
    Fixtures.information(catalogue, directory, CaseType.FOI);
    Fixtures.information(catalogue, directory, CaseType.EIR);
  }

  @Test
  void anFoiRequestIsClarifiedExtendedAnsweredPublishedAndReviewed() throws Exception {
    String email = "requester-" + UUID.randomUUID() + "@example.org";
    CaseView c = open(Fixtures.FOI, email, "All contracts for agency staff since 2020");
    InformationRequest received = find(c);
    LocalDate day = received.receivedAt().atZone(calendar.zone()).toLocalDate();
    assertThat(received.regime()).isEqualTo(Regime.FOI);
    assertThat(received.dueBy())
        .isEqualTo(calendar.endOfWorkingDay(calendar.addWorkingDays(day, 20)));

    // Clarification stops the clock and tells the requester; their answer restarts it.
    perform(post(path(c, "clarification")).param("question", "Which departments do you mean?"))
        .andExpect(status().is3xxRedirection());
    assertThat(TestMail.containing(email, "Which departments do you mean?", WAIT))
        .contains("20 working days");
    assertThat(find(c).awaitingClarification()).isTrue();
    assertThat(view(c).status()).isEqualTo(CaseStatus.ON_HOLD);
    perform(post(path(c, "response")).param("outcome", "RELEASED").param("response", "x"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("has not yet clarified")));
    perform(post(path(c, "clarified"))).andExpect(status().is3xxRedirection());
    InformationRequest clarified = find(c);
    LocalDate restart = clarified.clarifiedAt().atZone(calendar.zone()).toLocalDate();
    assertThat(clarified.dueBy())
        .isEqualTo(calendar.endOfWorkingDay(calendar.addWorkingDays(restart, 20)));
    assertThat(view(c).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(view(c).summary().dueAt()).isEqualTo(clarified.dueBy());

    // An extension past 20 more working days is refused; one within them is told.
    LocalDate first = clarified.firstDueBy().atZone(calendar.zone()).toLocalDate();
    perform(
            date(post(path(c, "extension")), "until", calendar.addWorkingDays(first, 21))
                .param("reason", "Public interest test for s.43"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("at most 20 working days")));
    perform(
            date(post(path(c, "extension")), "until", calendar.addWorkingDays(first, 10))
                .param(
                    "reason", "We are weighing the public interest in s.43 commercial interests."))
        .andExpect(status().is3xxRedirection());
    assertThat(TestMail.containing(email, "We need more time to answer your request", WAIT))
        .contains("s.43 commercial interests");

    // A part release must name exemptions, and only the FOI Act's.
    perform(post(path(c, "response")).param("outcome", "PART_RELEASED").param("response", "x"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Choose the exemptions that withhold")));
    perform(
            post(path(c, "response"))
                .param("outcome", "PART_RELEASED")
                .param("exemptions", "R13")
                .param("response", "x"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("does not apply under the Freedom")));
    perform(
            post(path(c, "response"))
                .param("outcome", "PART_RELEASED")
                .param("exemptions", "S43")
                .param("exemptions", "S40")
                .param("response", "The contracts are attached; the day rates are withheld.")
                .param("publish", "yes")
                .param("logTitle", "Agency staff contracts since 2020"))
        .andExpect(status().is3xxRedirection());
    assertThat(TestMail.containing(email, "the day rates are withheld", WAIT))
        .contains("internal review", "Information Commissioner");
    InformationRequest answered = find(c);
    assertThat(answered.outcome()).isEqualTo(Disclosure.PART_RELEASED);
    assertThat(answered.exemptions()).containsExactly(Exemption.S43, Exemption.S40);
    assertThat(answered.withinTime()).isTrue();
    assertThat(view(c).status()).isEqualTo(CaseStatus.RESOLVED);

    // On the public log without signing in: the title and the response, not the requester.
    mvc.perform(get("/portal/disclosure-log"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Agency staff contracts since 2020")))
        .andExpect(content().string(containsString("s.43 Commercial interests")))
        .andExpect(content().string(not(containsString(email))));

    // The internal review reopens the case and answers with the ICO's details.
    perform(post(path(c, "review")).param("reviewReason", "The day rates should be public."))
        .andExpect(status().is3xxRedirection());
    assertThat(view(c).status()).isEqualTo(CaseStatus.OPEN);
    perform(
            post(path(c, "review-response"))
                .param("reviewOutcome", "UPHELD")
                .param("reviewResponse", "We have looked again and the exemption applies."))
        .andExpect(status().is3xxRedirection());
    assertThat(TestMail.containing(email, "We have looked again", WAIT)).contains("ico.org.uk");
    assertThat(find(c).reviewOutcome()).isEqualTo(ReviewOutcome.UPHELD);

    // Counted in the year's figures: in time, extended, part released, reviewed.
    mvc.perform(
            get("/api/v1/information-requests/report")
                .accept(MediaType.APPLICATION_JSON)
                .with(signedIn.request(Fixtures.COMPLAINTS_OFFICER)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regimes[0].regime").value("FOI"))
        .andExpect(jsonPath("$.regimes[0].received").isNumber());
    InformationPerformance.Report year =
        signedIn.as(
            Fixtures.COMPLAINTS_OFFICER,
            () ->
                performance.report(
                    org.borough.system.FinancialYears.startOf(requests.currentYear()).get()));
    InformationPerformance.Figures foi = year.regimes().get(0);
    assertThat(foi.extended()).isPositive();
    assertThat(foi.reviews()).isPositive();
    assertThat(foi.outcome(Disclosure.PART_RELEASED)).isPositive();
    mvc.perform(
            get("/information-requests/report").with(signedIn.request(Fixtures.COMPLAINTS_OFFICER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Requests received in " + year.year())));
    assertThat(view(c).status()).isEqualTo(CaseStatus.RESOLVED);

    // In the warehouse: the request's clock and outcome, and no words of it.
    assertThat(warehouse.factsOf("fact_information_request", c.id().value()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("regime")).isEqualTo("FOI");
              assertThat(f.get("clarification_asked")).isEqualTo(true);
              assertThat(f.get("extended")).isEqualTo(true);
              assertThat(f.get("outcome")).isEqualTo("PART_RELEASED");
              assertThat(f.get("review_outcome")).isEqualTo("UPHELD");
              assertThat(f.get("responded_in_time")).isEqualTo(true);
            });
  }

  @Test
  void anEirRequestIsAnsweredOverTheApi() throws Exception {
    CaseView c =
        open(
            Fixtures.EIR,
            "eir-" + UUID.randomUUID() + "@example.org",
            "Air quality readings on the high street");
    String base = "/api/v1/information-requests/" + c.reference();
    api(get(base)).andExpect(status().isOk()).andExpect(jsonPath("$.regime").value("EIR"));
    api(post(base + "/response")
            .content("{\"outcome\": \"REFUSED\", \"exemptions\": [\"S43\"], \"response\": \"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    api(post(base + "/response").content("{\"outcome\": \"SOMETIMES\"}"))
        .andExpect(status().isBadRequest());
    api(post(base + "/review").content("{\"reason\": \"Too slow\"}"))
        .andExpect(status().isConflict());
    api(post(base + "/response")
            .content("{\"outcome\": \"RELEASED\", \"response\": \"The readings are attached.\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("RELEASED"))
        .andExpect(jsonPath("$.logTitle").doesNotExist());
    api(post(base + "/response").content("{\"outcome\": \"RELEASED\", \"response\": \"Again.\"}"))
        .andExpect(status().isConflict());
    mvc.perform(
            get("/information-requests/" + c.reference()).with(signedIn.request(Fixtures.AGENT)))
        .andExpect(status().isForbidden());
  }

  private CaseView open(String service, String email, String description) {
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () -> residents.register(ResidentDetailsFor.contact("Ira", "Quest", email, null)));
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            cases.open(
                Fixtures.newCase(
                    service, resident, description, null, null, null, Map.of(), null)));
  }

  private InformationRequest find(CaseView c) {
    return signedIn.as(Fixtures.COMPLAINTS_OFFICER, () -> requests.find(c.reference()));
  }

  private CaseView view(CaseView c) {
    return signedIn.as(Fixtures.SUPERVISOR, () -> cases.view(c.id()));
  }

  private static String path(CaseView c, String step) {
    return "/information-requests/" + c.reference() + "/" + step;
  }

  private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(signedIn.request(Fixtures.COMPLAINTS_OFFICER)).with(csrf()));
  }

  private ResultActions api(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(
        request
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .with(signedIn.request(Fixtures.COMPLAINTS_OFFICER))
            .with(csrf()));
  }
}
