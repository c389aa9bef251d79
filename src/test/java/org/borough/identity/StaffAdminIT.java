// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff and team administration beyond creation: editing, deactivating (no sign-in, no tokens, no
 * session), password resets under the password rules, and teams; on the pages and the API.
 */
class StaffAdminIT extends IntegrationTest {

  private static final String NEW_PASSWORD = "a-brand-new-passphrase";

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired StaffAdministration administration;
  @Autowired StaffDirectory directory;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aDeactivatedMemberOfStaffCannotSignInAndTheirTokenFails() throws Exception {
    Staff who = newStaff();
    String token = ownToken(who, "integration");
    mvc.perform(get("/api/v1/services").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    MockHttpSession session = signIn(who.username(), Fixtures.PASSWORD);
    mvc.perform(get("/").session(session)).andExpect(status().isOk());

    admin(editForm(who, "false", "AGENT")).andExpect(redirectedUrl("/admin/staff"));

    assertThat(directory.findStaff(who.id()).orElseThrow().enabled()).isFalse();
    mvc.perform(
            post("/sign-in")
                .param("username", who.username())
                .param("password", Fixtures.PASSWORD)
                .with(csrf()))
        .andExpect(redirectedUrl("/sign-in?error"));
    mvc.perform(get("/api/v1/services").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from api_token t join staff_user u on u.id = t.user_id"
                    + " where u.username = ? and t.revoked_at is null",
                Long.class,
                who.username()))
        .isZero();
    // The session they had is ended on their next request.
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/sign-in?ended"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outbox_event where event_type = 'staff.changed.v1'"
                    + " and aggregate_id = ?",
                Long.class,
                who.id().value().toString()))
        .isEqualTo(2);
  }

  @Test
  void anEditChangesNameRolesAndTeams() throws Exception {
    Staff who = newStaff();
    Team waste = directory.findTeamByCode(Fixtures.WASTE).orElseThrow();
    admin(
            editForm(who, "true", "CASEWORKER", "SUPERVISOR")
                .param("teams", waste.id().value().toString()))
        .andExpect(redirectedUrl("/admin/staff"));
    Staff after = directory.findStaff(who.id()).orElseThrow();
    assertThat(after.displayName()).isEqualTo("Renamed Person");
    assertThat(after.roles()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.SUPERVISOR);
    assertThat(directory.teamsOf(who.id())).containsExactly(waste);
  }

  @Test
  void anEditWithNoRoleShowsTheErrorSummaryAndSavesNothing() throws Exception {
    Staff who = newStaff();
    String page =
        admin(
                post("/admin/staff/" + who.username())
                    .param("version", String.valueOf(who.version()))
                    .param("displayName", "")
                    .param("active", "false"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("govuk-error-summary", "href=\"#roles\"", "href=\"#displayName\"");
    Staff after = directory.findStaff(who.id()).orElseThrow();
    assertThat(after.enabled()).isTrue();
    assertThat(after.roles()).containsExactly(Role.AGENT);
  }

  @Test
  void anAdminCannotDeactivateThemself() throws Exception {
    Staff admin = directory.findByUsername(Fixtures.ADMIN).orElseThrow();
    String page =
        admin(editForm(admin, "false", "ADMIN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("href=\"#active\"", "You cannot deactivate yourself");
    assertThat(directory.findStaff(admin.id()).orElseThrow().enabled()).isTrue();
  }

  @Test
  void aPasswordResetFollowsThePasswordRulesAndLiftsALockout() throws Exception {
    Staff who = newStaff();
    String page =
        admin(post("/admin/staff/" + who.username() + "/password").param("password", "short"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("govuk-error-summary", "href=\"#password\"", "at least 12");
    for (String guessable : java.util.List.of("Password1234!", who.username() + "2026")) {
      page =
          admin(post("/admin/staff/" + who.username() + "/password").param("password", guessable))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).as(guessable).contains("href=\"#password\"", "too easy to guess");
    }
    for (int i = 0; i < 5; i++) {
      mvc.perform(
          post("/sign-in")
              .param("username", who.username())
              .param("password", "wrong-" + i)
              .with(csrf()));
    }
    admin(post("/admin/staff/" + who.username() + "/password").param("password", NEW_PASSWORD))
        .andExpect(redirectedUrl("/admin/staff/" + who.username()));
    mvc.perform(
            post("/sign-in")
                .param("username", who.username())
                .param("password", Fixtures.PASSWORD)
                .with(csrf()))
        .andExpect(redirectedUrl("/sign-in?error"));
    signInWithAdminsPassword(who.username(), NEW_PASSWORD);
  }

  @Test
  void aPasswordResetEndsTheSessionsSignedInWithTheOldPassword() throws Exception {
    Staff who = newStaff();
    MockHttpSession session = signIn(who.username(), Fixtures.PASSWORD);
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    admin(post("/admin/staff/" + who.username() + "/password").param("password", NEW_PASSWORD))
        .andExpect(redirectedUrl("/admin/staff/" + who.username()));
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/sign-in?ended"));

    // The API's reset does the same.
    MockHttpSession again = signInWithAdminsPassword(who.username(), NEW_PASSWORD);
    api(
            put("/api/v1/staff/" + who.username() + "/password"),
            "{\"password\": \"" + NEW_PASSWORD + "-2\"}")
        .andExpect(status().isNoContent());
    mvc.perform(get("/").session(again)).andExpect(redirectedUrl("/sign-in?ended"));
  }

  @Test
  void teamsAreAddedAndChangedOnThePages() throws Exception {
    String code = "team-" + suffix();
    admin(post("/admin/teams").param("code", code).param("name", "Parks " + code))
        .andExpect(redirectedUrl("/admin/teams"));
    Team team = directory.findTeamByCode(code).orElseThrow();
    assertThat(team.active()).isTrue();

    String duplicate =
        admin(post("/admin/teams").param("code", code).param("name", "Again"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(duplicate).contains("href=\"#code\"", "There is already a team with code " + code);

    admin(
            post("/admin/teams/" + team.id().value())
                .param("version", String.valueOf(team.version()))
                .param("code", code + "-x")
                .param("name", "Parks and open spaces")
                .param("email", "Parks@Example.org")
                .param("active", "false"))
        .andExpect(redirectedUrl("/admin/teams"));
    Team after = directory.findTeam(team.id()).orElseThrow();
    assertThat(after)
        .isEqualTo(
            new Team(
                team.id(),
                code + "-x",
                "Parks and open spaces",
                "parks@example.org",
                false,
                team.version() + 1));
  }

  // --- JSON API
  // -----------------------------------------------------------------------------------

  @Test
  void theApiDeactivatesStaffAndNamesTheFieldsItRefuses() throws Exception {
    Staff who = newStaff();
    String token = ownToken(who, "api");
    api(
            put("/api/v1/staff/" + who.username()),
            "{\"displayName\": \"\", \"roles\": [], \"active\": true}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'roles')]").exists());
    api(
            put("/api/v1/staff/" + who.username()),
            "{\"displayName\": \"Api Person\", \"roles\": [\"AGENT\"], \"teamIds\": [\""
                + UUID.randomUUID()
                + "\"], \"active\": true}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("teamIds"));

    api(
            put("/api/v1/staff/" + who.username()),
            "{\"displayName\": \"Api Person\", \"roles\": [\"AGENT\"], \"active\": false}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false))
        .andExpect(jsonPath("$.displayName").value("Api Person"));
    mvc.perform(get("/api/v1/services").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());

    api(put("/api/v1/staff/" + who.username() + "/password"), "{\"password\": \"short\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("password"));
  }

  @Test
  void theApiAddsAndChangesTeams() throws Exception {
    String code = "api-team-" + suffix();
    String created =
        api(post("/api/v1/teams"), "{\"code\": \"" + code + "\", \"name\": \"Api team\"}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.active").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = com.jayway.jsonpath.JsonPath.read(created, "$.id");
    api(
            put("/api/v1/teams/" + id),
            "{\"code\": \"" + code + "\", \"name\": \"\", \"email\": \"nope\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists());
    api(
            put("/api/v1/teams/" + id),
            "{\"code\": \"" + code + "\", \"name\": \"Renamed\", \"active\": false}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Renamed"))
        .andExpect(jsonPath("$.active").value(false));
  }

  private String ownToken(Staff who, String name) {
    return signedIn.as(
        who.username(),
        () -> administration.issueApiToken(who.id(), StaffAdministration.TokenRequest.own(name)));
  }

  @Test
  void staffSeeWhereTheyAreSignedInAndSignOutOfTheOtherSessions() throws Exception {
    Staff who = newStaff();
    MockHttpSession laptop = signIn(who.username(), Fixtures.PASSWORD);
    MockHttpSession phone = signIn(who.username(), Fixtures.PASSWORD);
    MockHttpSession colleague = signIn(Fixtures.AGENT, Fixtures.PASSWORD);

    String page =
        mvc.perform(get("/account/sessions").session(laptop))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page.split("govuk-table__row").length - 2).as("two sessions listed").isEqualTo(2);
    assertThat(page).containsOnlyOnce("This session").contains("Another browser or device");

    mvc.perform(post("/account/sessions/end-others").session(laptop).with(csrf()))
        .andExpect(redirectedUrl("/account/sessions"));
    mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/sign-in?ended"));
    mvc.perform(get("/").session(laptop)).andExpect(status().isOk());
    // Someone else's sessions are theirs: signing out of one's own others leaves them alone.
    mvc.perform(get("/").session(colleague)).andExpect(status().isOk());
    assertThat(
            mvc.perform(get("/account/sessions").session(laptop))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("Another browser or device");
  }

  @Test
  void aFourthSignInEndsTheSessionUsedLeastRecently() throws Exception {
    Staff who = newStaff();
    MockHttpSession first = signIn(who.username(), Fixtures.PASSWORD);
    MockHttpSession second = signIn(who.username(), Fixtures.PASSWORD);
    MockHttpSession third = signIn(who.username(), Fixtures.PASSWORD);
    // The first is used again: now the second is the one used least recently.
    mvc.perform(get("/").session(first)).andExpect(status().isOk());

    MockHttpSession fourth = signIn(who.username(), Fixtures.PASSWORD);

    mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/sign-in?ended"));
    for (MockHttpSession kept : List.of(first, third, fourth)) {
      mvc.perform(get("/").session(kept)).andExpect(status().isOk());
    }
  }

  private Staff newStaff() {
    return administration.createStaff(
        "staff-" + suffix(), "Temp Person", Fixtures.PASSWORD, EnumSet.of(Role.AGENT));
  }

  private MockHttpSession signIn(String username, String password) throws Exception {
    return signIn(username, password, "/");
  }

  /** With a password an admin set, sign-in lands on the page that changes it. */
  private MockHttpSession signInWithAdminsPassword(String username, String password)
      throws Exception {
    return signIn(username, password, "/account/password?required");
  }

  private MockHttpSession signIn(String username, String password, String landing)
      throws Exception {
    return (MockHttpSession)
        mvc.perform(
                post("/sign-in")
                    .param("username", username)
                    .param("password", password)
                    .with(csrf()))
            .andExpect(redirectedUrl(landing))
            .andReturn()
            .getRequest()
            .getSession(false);
  }

  private static MockHttpServletRequestBuilder editForm(Staff who, String active, String... roles) {
    MockHttpServletRequestBuilder form =
        post("/admin/staff/" + who.username())
            .param("version", String.valueOf(who.version()))
            .param("displayName", "Renamed Person")
            .param("active", active);
    for (String r : roles) {
      form.param("roles", r);
    }
    return form;
  }

  private ResultActions admin(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(signedIn.request(Fixtures.ADMIN)).with(csrf()));
  }

  private ResultActions api(MockHttpServletRequestBuilder request, String body) throws Exception {
    return mvc.perform(
        request
            .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN)
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
