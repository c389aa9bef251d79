// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.borough.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The satisfaction question end to end on H2 and PostgreSQL: a resolved case's reporter is emailed
 * the link with the resolution, answers once on the portal, the comment lands on the case for
 * staff, the answer is published for the warehouse and counted on the report by service and
 * channel; a used link, no answer and bad dates each get their own message.
 */
class SatisfactionIT extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern LINK = Pattern.compile("/portal/feedback\\?token=([A-Za-z0-9_-]+)");

  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;
  @Autowired org.borough.warehouse.WarehouseProbe warehouse;
  @Autowired JdbcClient jdbc;

  @Test
  void theReporterOfAResolvedCaseAnswersOnceAndTheReportCountsIt() throws Exception {
    String email = "rated-" + UUID.randomUUID() + "@example.org";
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () -> residents.register(ResidentDetailsFor.contact("Sam", "Rater", email, null)));
    CaseView c =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                cases.open(
                    Fixtures.newCase(
                        Fixtures.MISSED_BIN,
                        resident,
                        "Bin missed on Tuesday",
                        null,
                        null,
                        null,
                        Map.of("bin_type", List.of("general")),
                        null)));
    signedIn.as(
        Fixtures.CASEWORKER,
        () -> cases.changeStatus(c.id(), CaseStatus.RESOLVED, "Emptied today", true, null, null));
    String resolved = TestMail.containing(email, "has been resolved", WAIT);
    Matcher link = LINK.matcher(resolved);
    assertThat(link.find()).as(resolved).isTrue();
    String token = link.group(1);
    long before = answers();

    mvc.perform(get("/portal/feedback").param("token", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(c.reference())))
        .andExpect(content().string(containsString("How satisfied are you")));
    mvc.perform(post("/portal/feedback").param("token", token).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Select how satisfied you are")));
    assertThat(answers()).isEqualTo(before);

    mvc.perform(
            post("/portal/feedback")
                .param("token", token)
                .param("rating", "DISSATISFIED")
                .param("comment", "It took three weeks and two calls.")
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Thank you for your answer")));
    assertThat(answers()).isEqualTo(before + 1);
    CaseView after = signedIn.as(Fixtures.SUPERVISOR, () -> cases.view(c.id()));
    assertThat(after.timeline())
        .anySatisfy(
            t -> {
              assertThat(t.text())
                  .isEqualTo(
                      "Satisfaction: Dissatisfied. The resident said: It took three weeks and two"
                          + " calls.");
              assertThat(t.publicNote()).isFalse();
            });
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox_event where event_type = 'case.feedback-given.v1'"
                        + " and aggregate_id = ?")
                .param(c.id().value().toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // In the warehouse: the score, counted as not satisfied.
    assertThat(warehouse.factsOf("fact_feedback", c.id().value()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("score")).isEqualTo(2);
              assertThat(f.get("satisfied")).isEqualTo(false);
            });

    // The link is used up: the page says so, and a second answer changes nothing.
    mvc.perform(get("/portal/feedback").param("token", token))
        .andExpect(content().string(containsString("This link does not work")));
    mvc.perform(
            post("/portal/feedback")
                .param("token", token)
                .param("rating", "VERY_SATISFIED")
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("This link does not work")));
    assertThat(answers()).isEqualTo(before + 1);

    mvc.perform(get("/satisfaction").with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Missed bin collection")));
    mvc.perform(get("/api/v1/satisfaction").with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total.answers").value((int) (before + 1)))
        .andExpect(
            jsonPath(
                "$.byService[?(@.key == '" + Fixtures.MISSED_BIN + "')].dissatisfied",
                org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
    mvc.perform(
            get("/api/v1/satisfaction")
                .param("from", "soon")
                .with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/satisfaction").param("to", "2026-02-30").with(signedIn.request(Fixtures.ANALYST)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Enter a real date like 2026-04-01")));
  }

  private long answers() {
    return jdbc.sql("select count(*) from case_feedback").query(Long.class).single();
  }
}
