// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.borough.support.DateFields.date;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceInput;
import org.borough.identity.StaffDirectory;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.borough.support.TestMail;
import org.borough.system.FinancialYears;
import org.borough.system.InvalidInputException;
import org.borough.system.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Complaints end to end on H2 and PostgreSQL: a case of a complaint service is a complaint from the
 * moment it is opened; the complaints officer works it through both stages of the code from the
 * console, the resident is emailed at each step the code names, the case's status and deadline
 * follow, and the annual report and its CSV count it.
 */
class ComplaintsIT extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired ServiceCatalogue catalogue;
  @Autowired StaffDirectory directory;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired Complaints complaints;
  @Autowired ComplaintsPerformance performance;
  @Autowired WorkingCalendar calendar;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;
  @Autowired org.borough.warehouse.WarehouseProbe warehouse;

  @BeforeEach
  void theComplaintService() {
    Fixtures.complaint(catalogue, directory);
  }

  @Test
  void aComplaintGoesThroughBothStagesToTheOmbudsmanAndTheResidentHearsEachStep() throws Exception {
    int year = FinancialYears.startOf(performance.currentYear(complaints.now())).get();
    ComplaintsReport before = signedIn.as(Fixtures.ANALYST, () -> performance.report(year));
    String email = "complainant-" + UUID.randomUUID() + "@example.org";
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () -> residents.register(ResidentDetailsFor.contact("Cara", "Plain", email, null)));
    CaseView bin = open(Fixtures.MISSED_BIN, resident, "Bin missed three weeks running");
    CaseView c = open(Fixtures.COMPLAINT, resident, "Nobody answers about my missed bin");
    TestMail.await(email, 2, WAIT); // both reports' 'received' messages

    Complaint opened =
        signedIn.as(Fixtures.COMPLAINTS_OFFICER, () -> complaints.find(c.reference()));
    ComplaintStage one = opened.current();
    LocalDate day = one.startedAt().atZone(calendar.zone()).toLocalDate();
    assertThat(one.stage()).isEqualTo(1);
    assertThat(one.acknowledgeBy())
        .isEqualTo(calendar.endOfWorkingDay(calendar.addWorkingDays(day, 5)));
    assertThat(one.respondBy())
        .isEqualTo(calendar.endOfWorkingDay(calendar.addWorkingDays(day, 10)));
    mvc.perform(get("/cases/" + c.reference()).with(signedIn.request(Fixtures.COMPLAINTS_OFFICER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/complaints/" + c.reference())));
    mvc.perform(get("/complaints").with(signedIn.request(Fixtures.COMPLAINTS_OFFICER)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(c.reference())));

    // Acknowledged: the resident is told the response date.
    perform(post("/complaints/" + c.reference() + "/acknowledgement"))
        .andExpect(status().is3xxRedirection());
    assertThat(TestMail.containing(email, "We have received your complaint " + c.reference(), WAIT))
        .contains(calendar.addWorkingDays(day, 10).getYear() + "");

    // An extension beyond the code's 10 working days is refused; one within it is told.
    LocalDate first = calendar.addWorkingDays(day, 10);
    LocalDate tooLate = calendar.addWorkingDays(first, 11);
    perform(
            date(post("/complaints/" + c.reference() + "/extension"), "until", tooLate)
                .param("reason", "Waiting for the crew's records."))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("can be at most 10 working days")));
    LocalDate extended = calendar.addWorkingDays(first, 5);
    perform(
            date(post("/complaints/" + c.reference() + "/extension"), "until", extended)
                .param("reason", "We are waiting for the crew's records."))
        .andExpect(status().is3xxRedirection());
    assertThat(TestMail.containing(email, "We need more time", WAIT))
        .contains("We are waiting for the crew's records.");
    CaseView retimed = view(c);
    assertThat(retimed.summary().dueAt()).isEqualTo(calendar.endOfWorkingDay(extended));

    // Linked to the case it is about; escalating before stage 1 is answered is refused.
    perform(post("/complaints/" + c.reference() + "/links").param("caseReference", bin.reference()))
        .andExpect(status().is3xxRedirection());
    perform(post("/complaints/" + c.reference() + "/escalation").param("escalationReason", "x"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Stage 1 must be answered")));

    // Answered: the response goes with how to ask for stage 2, and the case is resolved.
    perform(post("/complaints/" + c.reference() + "/response").param("response", "We are sorry."))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Choose whether the complaint is upheld")));
    perform(
            post("/complaints/" + c.reference() + "/response")
                .param("outcome", "PARTLY_UPHELD")
                .param("response", "We are sorry: the crew missed your street twice."))
        .andExpect(status().is3xxRedirection());
    assertThat(TestMail.containing(email, "the crew missed your street twice", WAIT))
        .contains("stage 2");
    assertThat(view(c).status()).isEqualTo(CaseStatus.RESOLVED);

    // Escalated: stage 2 with its 20 working days, the case open again and due then.
    perform(
            post("/complaints/" + c.reference() + "/escalation")
                .param("escalationReason", "The bin was missed again."))
        .andExpect(status().is3xxRedirection());
    Complaint escalated =
        signedIn.as(Fixtures.COMPLAINTS_OFFICER, () -> complaints.find(c.reference()));
    ComplaintStage two = escalated.current();
    LocalDate twoDay = two.startedAt().atZone(calendar.zone()).toLocalDate();
    assertThat(two.stage()).isEqualTo(2);
    assertThat(two.respondBy())
        .isEqualTo(calendar.endOfWorkingDay(calendar.addWorkingDays(twoDay, 20)));
    assertThat(view(c).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(view(c).summary().dueAt()).isEqualTo(two.respondBy());
    assertThat(escalated.linked()).containsExactly(bin.reference());

    // The final response names the Ombudsmen; the referral is recorded.
    perform(
            post("/complaints/" + c.reference() + "/response")
                .param("outcome", "UPHELD")
                .param("response", "We will collect weekly and check with a supervisor."))
        .andExpect(status().is3xxRedirection());
    assertThat(TestMail.containing(email, "This is our final response", WAIT))
        .contains("Local Government and Social Care Ombudsman", "Housing Ombudsman");
    LocalDate today = LocalDate.now(calendar.zone());
    perform(
            date(post("/complaints/" + c.reference() + "/referral"), "referredOn", today)
                .param("ombudsman", "LGSCO")
                .param("ombudsmanReference", "24 001 234"))
        .andExpect(status().is3xxRedirection());
    Complaint done = signedIn.as(Fixtures.COMPLAINTS_OFFICER, () -> complaints.find(c.reference()));
    assertThat(done.referred()).isTrue();
    assertThat(done.ombudsman()).isEqualTo(Ombudsman.LGSCO);
    assertThat(done.stages())
        .extracting(ComplaintStage::outcome)
        .containsExactly(Outcome.PARTLY_UPHELD, Outcome.UPHELD);
    assertThat(done.stages().get(0).extended()).isTrue();

    // Counted in the year's report, under the service it is about, and in its CSV.
    ComplaintsReport after = signedIn.as(Fixtures.ANALYST, () -> performance.report(year));
    assertThat(after.total().stageOne().received() - before.total().stageOne().received())
        .isEqualTo(1);
    assertThat(after.total().stageOne().extended() - before.total().stageOne().extended())
        .isEqualTo(1);
    assertThat(after.total().stageOne().partlyUpheld() - before.total().stageOne().partlyUpheld())
        .isEqualTo(1);
    assertThat(after.total().stageTwo().upheld() - before.total().stageTwo().upheld()).isEqualTo(1);
    assertThat(after.ombudsmanReferrals() - before.ombudsmanReferrals()).isEqualTo(1);
    assertThat(after.rows())
        .extracting(ComplaintsReport.Row::service)
        .contains("Missed bin collection");
    mvc.perform(
            get("/complaints/report.csv")
                .param("year", after.year())
                .with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(content().string(containsString("financial_year,service,stage,received")))
        .andExpect(content().string(containsString(after.year() + ",Missed bin collection,1,")));
    mvc.perform(
            get("/complaints/report")
                .param("year", after.year())
                .with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Missed bin collection")));

    // In the warehouse: a row per stage with its clocks and outcome, the same after a rebuild from
    // the CRM, and in the KPI of complaints by the service complained about.
    List<java.util.Map<String, Object>> facts =
        warehouse.factsOf("fact_complaint_stage", c.id().value());
    assertThat(facts)
        .extracting(
            f -> f.get("stage"),
            f -> f.get("outcome"),
            f -> f.get("extended"),
            f -> f.get("about_service_code"),
            f -> f.get("referred_to_ombudsman"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1, "PARTLY_UPHELD", true, Fixtures.MISSED_BIN, true),
            org.assertj.core.groups.Tuple.tuple(2, "UPHELD", false, Fixtures.MISSED_BIN, true));
    assertThat(facts.get(0).get("responded_in_time")).isEqualTo(true);
    warehouse.rebuild();
    assertThat(warehouse.factsOf("fact_complaint_stage", c.id().value()))
        .extracting(f -> f.get("stage"), f -> f.get("outcome"), f -> f.get("working_days_taken"))
        .containsExactlyElementsOf(
            facts.stream()
                .map(
                    f ->
                        org.assertj.core.groups.Tuple.tuple(
                            f.get("stage"), f.get("outcome"), f.get("working_days_taken")))
                .toList());
    assertThat(warehouse.failingDataTests()).isEmpty();
    mvc.perform(
            get("/api/v1/kpis/complaints-by-service")
                .param("from", today.toString())
                .param("to", today.toString())
                .with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath(
                "$.rows[?(@.service == '" + Fixtures.MISSED_BIN + "')].answered",
                org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(2))));
  }

  @Test
  void aServiceRequestIsNoComplaint() throws Exception {
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () -> residents.register(ResidentDetailsFor.contact("Reg", "Quest", null, null)));
    CaseView bin = open(Fixtures.MISSED_BIN, resident, "Bin missed on Tuesday");
    assertThat(complaints.isComplaint(bin.reference())).isFalse();
    mvc.perform(
            get("/complaints/" + bin.reference())
                .with(signedIn.request(Fixtures.COMPLAINTS_OFFICER)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/complaints/" + bin.reference())
                .with(signedIn.request(Fixtures.COMPLAINTS_OFFICER)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void theApiWorksAComplaintAndRefusesWhatTheCodeDoesNotAllow() throws Exception {
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () -> residents.register(ResidentDetailsFor.contact("Api", "Plain", null, null)));
    CaseView c = open(Fixtures.COMPLAINT, resident, "The phone line rang out for an hour");
    String base = "/api/v1/complaints/" + c.reference();
    api(post(base + "/response").content("{\"outcome\": \"MAYBE\", \"response\": \"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    api(post(base + "/referral")
            .content("{\"ombudsman\": \"LGSCO\", \"referredOn\": \"2026-01-01\"}"))
        .andExpect(status().isConflict());
    api(post(base + "/links").content("{\"caseReference\": \"BR-1999-000000\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'caseReference')]").exists())
        .andExpect(content().string(containsString("There is no case BR-1999-000000")));
    api(post(base + "/extension").content("{\"until\": \"2001-01-01\", \"reason\": \"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists());
    api(post(base + "/acknowledgement")).andExpect(status().isOk());
    api(post(base + "/acknowledgement")).andExpect(status().isConflict());
    api(post(base + "/response")
            .content("{\"outcome\": \"NOT_UPHELD\", \"response\": \"The line was staffed.\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stages[0].outcome").value("NOT_UPHELD"))
        .andExpect(jsonPath("$.stages[0].acknowledgedAt").exists());
    api(get("/api/v1/complaints/report").param("year", "2026/28"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            get("/complaints/report.csv")
                .param("year", "last year")
                .with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Choose a financial year")));
    // A case reporter with no email is still answered: the reply is on the case for staff.
    assertThat(view(c).timeline()).extracting(CaseView.TimelineEntry::kind).contains("REPLY");
  }

  @Test
  void onlyAServiceTypeTheCatalogueKnowsIsAccepted() {
    ServiceInput input = ServiceInput.of(catalogue.find(Fixtures.COMPLAINT).orElseThrow());
    ServiceInput wrong =
        new ServiceInput(
            "complaint-" + UUID.randomUUID().toString().substring(0, 6),
            "Wrong",
            input.group(),
            input.description(),
            true,
            null,
            "NORMAL",
            5,
            "WORKING_DAYS",
            75,
            List.of(),
            List.of(),
            false,
            "GRIEVANCE");
    assertThatThrownBy(() -> signedIn.as(Fixtures.ADMIN, () -> catalogue.define(wrong)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.errors()).containsKey("caseType"));
  }

  private CaseView open(String service, ResidentId resident, String description) {
    Map<String, List<String>> answers =
        service.equals(Fixtures.MISSED_BIN) ? Map.of("bin_type", List.of("general")) : Map.of();
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            cases.open(
                Fixtures.newCase(service, resident, description, null, null, null, answers, null)));
  }

  private CaseView view(CaseView c) {
    return signedIn.as(Fixtures.SUPERVISOR, () -> cases.view(c.id()));
  }

  private org.springframework.test.web.servlet.ResultActions perform(
      MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(signedIn.request(Fixtures.COMPLAINTS_OFFICER)).with(csrf()));
  }

  private org.springframework.test.web.servlet.ResultActions api(
      MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(
        request
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .with(signedIn.request(Fixtures.COMPLAINTS_OFFICER))
            .with(csrf()));
  }
}
