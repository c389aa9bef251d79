// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The retention schedule as the DPO runs it: the dry run lists a case closed seven years ago and
 * not one closed today, the button makes the old one and a four-year-old contact anonymous and
 * leaves the rest, a second run finds nothing, and residents read the schedule on a public page.
 */
class RetentionIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired ContactLog contacts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theDryRunShowsWhatIsDueAndTheRunTakesOnlyThat() throws Exception {
    String marker = "rt" + UUID.randomUUID().toString().substring(0, 8);
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.register(
                    ResidentDetailsFor.contact("Rita", "Tention" + marker, null, null)));
    CaseView old = closedCase(resident, "Old bin " + marker);
    CaseView recent = closedCase(resident, "Recent bin " + marker);
    // As if the first had been closed seven years ago.
    jdbc.update(
        "update service_case set closed_at = ? where id = ?",
        Timestamp.from(Instant.now().minus(7 * 366, ChronoUnit.DAYS)),
        old.id().value());
    signedIn.as(
        Fixtures.AGENT,
        () ->
            contacts.log(
                new NewContact(
                    resident,
                    null,
                    Channel.PHONE,
                    Direction.INBOUND,
                    Instant.now().minus(4 * 366, ChronoUnit.DAYS),
                    45,
                    ContactOutcome.INFORMATION_GIVEN,
                    "Old call " + marker)));

    String dryRun = page("/privacy/retention", Fixtures.DPO);
    assertThat(dryRun).contains(old.reference()).doesNotContain(recent.reference());
    assertThat(textContaining(marker)).hasSize(5); // both descriptions, a note each, the call

    mvc.perform(
            post("/privacy/retention/run")
                .with(
                    signedIn.signedInWithPassword(
                        Fixtures.DPO, Instant.now().minus(1, ChronoUnit.HOURS)))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(textContaining(marker)).as("a stale password runs nothing").hasSize(5);

    mvc.perform(post("/privacy/retention/run").with(signedIn.request(Fixtures.DPO)).with(csrf()))
        .andExpect(status().is3xxRedirection());

    CaseView anonymous = signedIn.as(Fixtures.CASEWORKER, () -> cases.view(old.id()));
    assertThat(anonymous.summary().residentId()).isNull();
    assertThat(anonymous.summary().status()).isEqualTo(CaseStatus.CLOSED);
    CaseView kept = signedIn.as(Fixtures.CASEWORKER, () -> cases.view(recent.id()));
    assertThat(kept.summary().residentId()).isEqualTo(resident.value());
    assertThat(textContaining(marker))
        .as("only the recent case's words are left")
        .containsExactlyInAnyOrder("service_case.description", "case_timeline.body");
    assertThat(page("/privacy/retention", Fixtures.DPO)).doesNotContain(old.reference());
  }

  @Test
  void residentsReadTheScheduleAndTheDpoTheRecordOfProcessing() throws Exception {
    String publicPage =
        mvc.perform(get("/portal/privacy"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(publicPage)
        .contains("How we use and keep your information")
        .contains("Missed bin collection")
        .contains("for 6 years after the case is closed")
        .contains("for 3 years");
    String record = page("/privacy/processing", Fixtures.DPO);
    assertThat(record)
        .contains("Record of processing")
        .contains("Reports and cases: Missed bin collection")
        .contains("Public task");
    mvc.perform(get("/privacy/processing").with(signedIn.request(Fixtures.AGENT)))
        .andExpect(status().isForbidden());
  }

  private CaseView closedCase(ResidentId resident, String description) {
    CaseView opened =
        signedIn.as(
            Fixtures.AGENT,
            () -> cases.open(org.borough.support.CaseFor.missedBin(resident, description)));
    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.changeStatus(
              opened.id(), CaseStatus.RESOLVED, "Emptied: " + description, true, null, null);
          return cases.changeStatus(opened.id(), CaseStatus.CLOSED, "Done", false, null, null);
        });
    return opened;
  }

  private String page(String path, String user) throws Exception {
    return mvc.perform(get(path).with(signedIn.request(user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** "table.column" for each row of the case and contact tables holding the marker. */
  private List<String> textContaining(String marker) {
    String like = "%" + marker + "%";
    List<String> found = new java.util.ArrayList<>();
    for (String[] tc :
        new String[][] {
          {"service_case", "description"}, {"case_timeline", "body"}, {"contact", "summary"}
        }) {
      int n =
          jdbc.queryForObject(
              "select count(*) from " + tc[0] + " where " + tc[1] + " like ?", Integer.class, like);
      for (int i = 0; i < n; i++) {
        found.add(tc[0] + "." + tc[1]);
      }
    }
    return found;
  }
}
