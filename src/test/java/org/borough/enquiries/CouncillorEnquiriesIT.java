// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.identity.StaffDirectory;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.support.TestMail;
import org.borough.system.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Councillor enquiries end to end on H2 and PostgreSQL: a councillor raises one for a resident of
 * their ward from the console, it is due by the service's SLA, an officer of the team answers it,
 * the resident is emailed the answer and the councillor sees it; a councillor sees their wards'
 * cases as the public may, and nothing of another ward's.
 */
class CouncillorEnquiriesIT extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String RIVERSIDE = "E05000002";

  @Autowired ServiceCatalogue catalogue;
  @Autowired StaffDirectory directory;
  @Autowired CaseManagement cases;
  @Autowired CouncillorEnquiries enquiries;
  @Autowired WorkingCalendar calendar;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;
  @Autowired org.borough.warehouse.WarehouseProbe warehouse;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void theEnquiryService() {
    Fixtures.enquiry(catalogue, directory);
  }

  @Test
  void aCouncillorRaisesAnEnquiryAnOfficerAnswersItAndTheResidentAndCouncillorSeeTheAnswer()
      throws Exception {
    String email = "constituent-" + UUID.randomUUID() + "@example.org";
    String reference =
        redirectTarget(
            councillor(
                    post("/enquiries")
                        .param("wardCode", Fixtures.WARD)
                        .param("forename", "Connie")
                        .param("surname", "Stituent")
                        .param("email", email)
                        .param("address", "4 Mill Lane")
                        .param("postcode", "E1 6AN")
                        .param("description", "Fly-tipping behind the flats, reported twice"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/enquiries/BR-*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl());

    Enquiry raised = signedIn.as(Fixtures.COUNCILLOR, () -> enquiries.find(reference)).enquiry();
    LocalDate day = raised.raisedAt().atZone(calendar.zone()).toLocalDate();
    assertThat(raised.dueAt())
        .isEqualTo(calendar.endOfWorkingDay(calendar.addWorkingDays(day, 10)));
    assertThat(raised.councillor()).isEqualTo("Cllr Kim Counsell");
    assertThat(raised.wardName()).isEqualTo("Central");
    CaseView c = signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(reference));
    assertThat(c.summary().wardCode()).isEqualTo(Fixtures.WARD);
    assertThat(c.summary().residentId()).isNotNull();
    assertThat(c.timeline().get(c.timeline().size() - 1).actor()).isEqualTo("cllr:councillor");

    councillor(get("/enquiries"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(reference)));
    councillor(get("/enquiries/" + reference))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Fly-tipping behind the flats")));
    officer(get("/enquiries/queue"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(reference)));

    // Answered on its page: the case is resolved, the resident emailed, the councillor shown it.
    officer(post("/enquiries/" + reference + "/answer").param("answer", " "))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Enter the answer to the enquiry")));
    officer(
            post("/enquiries/" + reference + "/answer")
                .param("answer", "The waste was cleared on Monday and the area is now watched."))
        .andExpect(status().is3xxRedirection());
    assertThat(TestMail.containing(email, "The waste was cleared on Monday", WAIT))
        .contains(reference);
    assertThat(signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(reference)).summary())
        .extracting(s -> s.status())
        .isEqualTo(CaseStatus.RESOLVED);
    councillor(get("/enquiries/" + reference))
        .andExpect(content().string(containsString("The waste was cleared on Monday")))
        .andExpect(content().string(containsString("Casey Worker")));
    officer(post("/enquiries/" + reference + "/answer").param("answer", "Again"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("was already answered")));
    officer(get("/enquiries/queue")).andExpect(content().string(not(containsString(reference))));
  }

  @Test
  void anEnquiryOutsideTheCouncillorsWardsOrWithoutWordsIsRefusedAndNothingIsSaved()
      throws Exception {
    String otherWard = openCase(RIVERSIDE, "Pothole by the river").reference();
    long before = enquiriesSaved();

    councillor(
            post("/enquiries")
                .param("wardCode", RIVERSIDE)
                .param("surname", "Only")
                .param("description", " ")
                .param("aboutReference", otherWard))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Choose one of your wards")))
        .andExpect(content().string(containsString("Enter what the enquiry is about")))
        .andExpect(content().string(containsString("first name and last name, or neither")))
        .andExpect(
            content().string(containsString("Enter the reference of a case in one of your wards")));
    assertThat(enquiriesSaved()).isEqualTo(before);

    // Over the API: the same checks, as application/problem+json.
    councillorApi(post("/api/v1/enquiries").content("{\"wardCode\": \"" + RIVERSIDE + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath(
                "$.errors[?(@.field == 'wardCode')].reason",
                org.hamcrest.Matchers.hasItem("Choose one of your wards")));
    councillorApi(post("/api/v1/enquiries").content("{not json"))
        .andExpect(status().isBadRequest());
    assertThat(enquiriesSaved()).isEqualTo(before);
  }

  @Test
  void overTheApiACouncillorRaisesAndFollowsAndAnOfficerAnswers() throws Exception {
    String reference =
        com.jayway.jsonpath.JsonPath.read(
            councillorApi(
                    post("/api/v1/enquiries")
                        .content(
                            "{\"wardCode\": \""
                                + Fixtures.WARD
                                + "\", \"description\": \"Streetlight out on Mill Lane\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.wardCode").value(Fixtures.WARD))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.reference");
    councillorApi(get("/api/v1/enquiries"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].reference").value(reference));
    mvc.perform(
            post("/api/v1/enquiries/" + reference + "/answer")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answer\": \"Fixed on Tuesday.\"}")
                .with(signedIn.request(Fixtures.CASEWORKER))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enquiry.respondedBy").value("Casey Worker"));
    councillorApi(get("/api/v1/enquiries/" + reference))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enquiry.status").value("RESOLVED"));

    // In the warehouse: raised and answered in time, in the councillor's ward.
    java.util.UUID caseId =
        jdbc.sql("select case_id from member_enquiry where reference = ?")
            .param(reference)
            .query(java.util.UUID.class)
            .single();
    assertThat(warehouse.factsOf("fact_enquiry", caseId))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("ward_code")).isEqualTo(Fixtures.WARD);
              assertThat(f.get("responded_at")).isNotNull();
              assertThat(f.get("responded_in_time")).isEqualTo(true);
            });
  }

  @Test
  void aRetriedEnquiryWithTheSameKeyGetsTheSameReferenceAndIsRaisedOnce() throws Exception {
    String key = java.util.UUID.randomUUID().toString();
    String body =
        "{\"wardCode\": \"" + Fixtures.WARD + "\", \"description\": \"Fly-tipping " + key + "\"}";
    long before = enquiriesSaved();
    String first =
        councillorApi(post("/api/v1/enquiries").content(body).header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String retried =
        councillorApi(post("/api/v1/enquiries").content(body).header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                    .string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(retried).isEqualTo(first);
    assertThat(enquiriesSaved()).isEqualTo(before + 1);
  }

  @Test
  void anEnquiryWhoseCaseIsResolvedFromTheCasePageLeavesTheQueueAsAnswered() {
    Enquiry raised =
        signedIn.as(
            Fixtures.COUNCILLOR,
            () ->
                enquiries.raise(
                    new NewEnquiry(
                        Fixtures.WARD,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Overflowing litter bin on the green",
                        null)));
    signedIn.as(
        Fixtures.CASEWORKER,
        () ->
            cases.changeStatus(
                new org.borough.cases.CaseId(raised.caseId()),
                CaseStatus.RESOLVED,
                "Emptied, and a bigger bin ordered.",
                true,
                null,
                null));

    Enquiry after =
        signedIn.as(Fixtures.COUNCILLOR, () -> enquiries.find(raised.reference())).enquiry();
    assertThat(after.respondedBy()).isEqualTo("Casey Worker");
    assertThat(signedIn.as(Fixtures.CASEWORKER, () -> enquiries.waiting()))
        .extracting(Enquiry::reference)
        .doesNotContain(raised.reference());
  }

  @Test
  void aCouncillorSeesTheirWardsCasesAsThePublicMayAndNotAnotherWards() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    CaseView central = openCase(Fixtures.WARD, "Bin missed at 12 Mill Lane " + tag);
    CaseView riverside = openCase(RIVERSIDE, "Bin missed by the river " + tag);

    councillor(get("/wards"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(central.reference())))
        .andExpect(content().string(not(containsString(riverside.reference()))))
        // The street, not the house; no description.
        .andExpect(content().string(not(containsString(tag))));
    councillor(get("/wards").param("ward", RIVERSIDE))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(riverside.reference()))));

    // An administrator ties the councillor to Riverside as well, then back.
    admin(
            post("/admin/councillors/" + Fixtures.COUNCILLOR)
                .param("wards", Fixtures.WARD)
                .param("wards", RIVERSIDE))
        .andExpect(status().is3xxRedirection());
    try {
      councillor(get("/wards").param("ward", RIVERSIDE))
          .andExpect(content().string(containsString(riverside.reference())));
      admin(get("/admin/councillors"))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("Cllr Kim Counsell")));
      admin(post("/admin/councillors/" + Fixtures.COUNCILLOR).param("wards", "E05999999"))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("Choose wards from the list")));
    } finally {
      admin(post("/admin/councillors/" + Fixtures.COUNCILLOR).param("wards", Fixtures.WARD))
          .andExpect(status().is3xxRedirection());
    }
  }

  private CaseView openCase(String ward, String description) {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            cases.open(
                new NewCase(
                    Fixtures.MISSED_BIN,
                    null,
                    description,
                    "12 Mill Lane, E1 6AN",
                    null,
                    null,
                    null,
                    ward,
                    Map.of("bin_type", List.of("general")),
                    null,
                    null,
                    null,
                    null)));
  }

  private long enquiriesSaved() {
    return jdbc.sql("select count(*) from member_enquiry").query(Long.class).single();
  }

  private static String redirectTarget(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private org.springframework.test.web.servlet.ResultActions councillor(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(signedIn.request(Fixtures.COUNCILLOR)).with(csrf()));
  }

  private org.springframework.test.web.servlet.ResultActions councillorApi(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
        request
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .with(signedIn.request(Fixtures.COUNCILLOR))
            .with(csrf()));
  }

  private org.springframework.test.web.servlet.ResultActions officer(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(signedIn.request(Fixtures.CASEWORKER)).with(csrf()));
  }

  private org.springframework.test.web.servlet.ResultActions admin(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(signedIn.request(Fixtures.ADMIN)).with(csrf()));
  }
}
