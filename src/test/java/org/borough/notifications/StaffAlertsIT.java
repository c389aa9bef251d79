// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffAdministration.StaffChange;
import org.borough.identity.Team;
import org.borough.support.CaseFor;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.support.SlaScan;
import org.borough.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff alerts end to end: the SLA watch finds a case at risk, then breached; its officer and its
 * team's supervisors (the team's caseworkers when nobody is assigned) each get one alert per state
 * and deadline, see a count in the console's menu until they open their alerts, and are emailed at
 * a real SMTP server as each arrives or once a day, as they chose.
 */
class StaffAlertsIT extends IntegrationTest {

  @Autowired CaseManagement cases;
  @Autowired StaffAdministration administration;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired StaffAlertMail mail;

  Team team;
  Staff officer;
  Staff supervisor;
  Staff colleague;

  @BeforeEach
  void aTeamOfThree() {
    String code = "al" + UUID.randomUUID().toString().substring(0, 8);
    signedIn.as(
        Fixtures.ADMIN,
        () -> {
          team = administration.createTeam(code, "Alerts " + code, null);
          officer = member(code + "o", "Olu Officer", Role.CASEWORKER);
          supervisor = member(code + "s", "Sue Pervisor", Role.SUPERVISOR);
          colleague = member(code + "c", "Col League", Role.CASEWORKER);
          return null;
        });
  }

  private Staff member(String username, String name, Role role) {
    Staff s = administration.createStaff(username, name, Fixtures.PASSWORD, EnumSet.of(role));
    return administration.changeStaff(
        s.id(), new StaffChange(name, EnumSet.of(role), Set.of(team.id()), true));
  }

  @Test
  void anAssignedCaseAlertsItsOfficerAndSupervisorOnceAtRiskAndOnceBreached() throws Exception {
    CaseView c = raise();
    Instant now = Instant.now();
    place(c, officer, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));

    SlaScan.now(context);
    SlaScan.now(context);

    assertThat(alerts(c))
        .containsExactlyInAnyOrder(
            officer.username() + " AT_RISK", supervisor.username() + " AT_RISK");
    assertThat(menu(officer)).contains("Alerts, 1 new");
    String page = page(officer, "/alerts");
    assertThat(page).contains(c.reference(), "At risk", "New");
    // Opening them read them: the menu counts nothing now, and the list no longer says new.
    assertThat(menu(officer)).doesNotContain("new</span>").contains("Alerts");
    assertThat(page(officer, "/alerts")).contains(c.reference()).doesNotContain(">New<");
    assertThat(menu(supervisor)).contains("Alerts, 1 new");
    assertThat(menu(colleague)).doesNotContain("new</span>");

    jdbc.sql("update service_case set due_at = ? where id = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(60)), c.id().value())
        .update();
    SlaScan.now(context);
    SlaScan.now(context);

    assertThat(alerts(c))
        .containsExactlyInAnyOrder(
            officer.username() + " AT_RISK",
            supervisor.username() + " AT_RISK",
            officer.username() + " BREACHED",
            supervisor.username() + " BREACHED");
    assertThat(page(supervisor, "/alerts")).contains("Breached", "At risk");
  }

  @Test
  void anUnassignedCaseAlertsTheWholeTeamAndAgainOnlyWhenItsDeadlineMovedLater() throws Exception {
    CaseView c = raise();
    Instant now = Instant.now();
    place(c, null, now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(2)));
    SlaScan.now(context);
    assertThat(alerts(c))
        .containsExactlyInAnyOrder(
            officer.username() + " AT_RISK",
            supervisor.username() + " AT_RISK",
            colleague.username() + " AT_RISK");

    // A hold, or an officer by hand, moves the deadline later: its new warning point is after the
    // first was told, so it alerts again, once.
    Instant told =
        jdbc.sql("select sla_risk_told_at from service_case where id = ?")
            .param(c.id().value())
            .query(Timestamp.class)
            .single()
            .toInstant();
    // One microsecond (the columns' precision) after it was told: a later warning point.
    place(c, null, told.plusNanos(1_000), Instant.now().plus(Duration.ofHours(5)));
    SlaScan.now(context);
    SlaScan.now(context);
    assertThat(alerts(c)).hasSize(6);
  }

  @Test
  void eachAlertIsEmailedAtOnceOrInTheDailyDigestAsChosenAndNeverTwice() throws Exception {
    String officerEmail = officer.username() + "@council.example.gov.uk";
    String supervisorEmail = supervisor.username() + "@council.example.gov.uk";
    choose(officer, "EACH", officerEmail);
    choose(supervisor, "DAILY", supervisorEmail);
    choose(colleague, "NONE", "");

    CaseView first = raise();
    CaseView second = raise();
    Instant now = Instant.now();
    place(first, officer, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
    place(second, officer, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
    SlaScan.now(context);

    mail.sendEach();
    mail.sendEach();
    List<TestMail.Mail> got = TestMail.await(officerEmail, 1, Duration.ofSeconds(10));
    assertThat(got)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.subject()).isEqualTo("2 cases need your attention");
              assertThat(m.body())
                  .contains("Dear Olu Officer", first.reference(), second.reference())
                  .contains("/cases/" + first.reference(), "/alerts/settings")
                  .contains("at risk, due ")
                  .doesNotContain("Alerts test report");
            });
    // The digest was chosen today: it starts tomorrow. A day on, it comes once.
    mail.sendDigests();
    assertThat(TestMail.to(supervisorEmail)).isEmpty();
    jdbc.sql("update staff_alert_setting set digest_sent_on = ? where staff_id = ?")
        .params(Date.valueOf(LocalDate.now().minusDays(1)), supervisor.id().value())
        .update();
    mail.sendDigests();
    mail.sendDigests();
    assertThat(TestMail.await(supervisorEmail, 1, Duration.ofSeconds(10)))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains(first.reference(), second.reference()));

    // A breach later is one more email to the officer, naming only it.
    jdbc.sql("update service_case set due_at = ? where id = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(60)), first.id().value())
        .update();
    SlaScan.now(context);
    mail.sendEach();
    assertThat(TestMail.await(officerEmail, 2, Duration.ofSeconds(10)).get(1).subject())
        .isEqualTo("Case " + first.reference() + " has missed its target");
    mail.sendEach();
    assertThat(TestMail.to(officerEmail)).hasSize(2);
  }

  @Test
  void theSettingsFormSaysWhatIsWrong() throws Exception {
    String missing = settings(officer, null, "someone@example.gov.uk");
    assertThat(missing).contains("govuk-error-summary", "Select how often you want to be emailed");
    String wrong = settings(officer, "EACH", "not an address");
    assertThat(wrong).contains("govuk-error-summary", "correct format");
    String none = settings(officer, "DAILY", " ");
    assertThat(none).contains("Enter the email address to send alerts to");
    String forged = settings(officer, "HOURLY", "someone@example.gov.uk");
    assertThat(forged).contains("Select how often you want to be emailed");
    assertThat(
            jdbc.sql("select count(*) from staff_alert_setting where staff_id = ?")
                .param(officer.id().value())
                .query(Integer.class)
                .single())
        .isZero();
  }

  private CaseView raise() {
    return signedIn.as(
        Fixtures.AGENT,
        () -> cases.open(CaseFor.missedBin(null, "Alerts test report " + UUID.randomUUID())));
  }

  /** Puts the case in the team (with its officer, or none) with the SLA times given. */
  private void place(CaseView c, Staff owner, Instant risk, Instant due) {
    jdbc.sql(
            "update service_case set team_id = ?, officer_id = ?, sla_risk_at = ?, due_at = ?"
                + " where id = ?")
        .params(
            team.id().value(),
            owner == null ? null : owner.id().value(),
            Timestamp.from(risk),
            Timestamp.from(due),
            c.id().value())
        .update();
  }

  private List<String> alerts(CaseView c) {
    return jdbc.sql(
            "select u.username, a.state from staff_alert a join staff_user u on u.id = a.staff_id"
                + " where a.case_id = ?")
        .param(c.id().value())
        .query((rs, i) -> rs.getString(1) + " " + rs.getString(2))
        .list();
  }

  private String menu(Staff who) throws Exception {
    return page(who, "/account/password");
  }

  private String page(Staff who, String path) throws Exception {
    return mvc.perform(get(path).with(signedIn.request(who.username())))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private void choose(Staff who, String frequency, String email) throws Exception {
    mvc.perform(
            post("/alerts/settings")
                .param("frequency", frequency)
                .param("email", email)
                .with(signedIn.request(who.username()))
                .with(csrf()))
        .andExpect(redirectedUrl("/alerts"));
  }

  private String settings(Staff who, String frequency, String email) throws Exception {
    var request =
        post("/alerts/settings")
            .param("email", email)
            .with(signedIn.request(who.username()))
            .with(csrf());
    if (frequency != null) {
      request.param("frequency", frequency);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
