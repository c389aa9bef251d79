// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.audit.AuditLog;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A second factor for staff whose roles open personal data (the default {@code
 * BOROUGH_MFA_ROLES=personal-data}): an authenticator app set up at the first sign-in, its code at
 * every sign-in after the password (once each), ten recovery codes good once each, and an
 * administrator's reset for a lost phone. Roles that see no personal data are not asked.
 */
class MfaIT extends IntegrationTest {

  private static final Pattern SECRET = Pattern.compile("id=\"secret\"[^>]*>([A-Z2-7 ]+)<");

  @DynamicPropertySource
  static void everyRoleThatOpensPersonalData(DynamicPropertyRegistry registry) {
    registry.add("borough.mfa.roles", () -> "personal-data");
  }

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired StaffAdministration administration;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @Test
  void anAgentSetsUpAnAppAtFirstSignInThenGivesItsCodeAtEverySignIn() throws Exception {
    String username = newStaff(Role.AGENT);
    MockHttpSession session = signIn(username);

    // Nothing is reachable before the app is set up; the API refuses the session.
    mvc.perform(get("/residents").session(session))
        .andExpect(redirectedUrl("/account/authenticator?required"));
    mvc.perform(get("/api/v1/services").session(session))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("second factor")));
    String page =
        mvc.perform(get("/account/authenticator").param("required", "").session(session))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Set up an authenticator app")))
            .andExpect(content().string(containsString("<svg")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String secret = secretOn(page);

    mvc.perform(
            post("/account/authenticator").param("code", "000000").session(session).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("govuk-error-summary")));
    // The page shown again keeps the same secret: the app already scanned goes on working.
    String enrolCode = code(secret, 0);
    String codes =
        mvc.perform(
                post("/account/authenticator")
                    .param("code", enrolCode)
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/account/authenticator/recovery-codes"))
            .andReturn()
            .getFlashMap()
            .get("codes")
            .toString();
    assertThat(codes.split(",")).hasSize(10);
    mvc.perform(get("/residents").session(session)).andExpect(status().isOk());

    // The next sign-in asks for the code and then opens the page first asked for.
    MockHttpSession next = signIn(username);
    mvc.perform(get("/residents").session(next)).andExpect(redirectedUrl("/sign-in/code"));
    mvc.perform(get("/sign-in/code").session(next))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Enter the code from your authenticator app")));
    // The code that set the app up is spent, and so is any wrong one.
    mvc.perform(post("/sign-in/code").param("code", enrolCode).session(next).with(csrf()))
        .andExpect(redirectedUrl("/sign-in/code?error"));
    String before = next.getId();
    mvc.perform(post("/sign-in/code").param("code", code(secret, 1)).session(next).with(csrf()))
        .andExpect(redirectedUrl("http://localhost/residents?continue"));
    assertThat(next.getId()).as("the session id changes at the second factor").isNotEqualTo(before);
    mvc.perform(get("/residents").session(next)).andExpect(status().isOk());
    // A code taken once is refused a second time, on another session too.
    MockHttpSession third = signIn(username);
    mvc.perform(post("/sign-in/code").param("code", code(secret, 1)).session(third).with(csrf()))
        .andExpect(redirectedUrl("/sign-in/code?error"));
    // An app cannot be replaced from a session that has not given its code.
    mvc.perform(get("/account/authenticator").session(third))
        .andExpect(redirectedUrl("/sign-in/code"));
    mvc.perform(post("/account/authenticator").param("code", "123456").session(third).with(csrf()))
        .andExpect(redirectedUrl("/sign-in/code"));

    assertThat(
            signedIn.as(
                Fixtures.ADMIN,
                () -> audit.read(new AuditLog.AuditQuery("staff", username, null, null, 50))))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("authenticator app set up"))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("second factor: code"));
  }

  @Test
  void eachRecoveryCodeSignsInOnce() throws Exception {
    String username = newStaff(Role.CASEWORKER);
    MockHttpSession session = signIn(username);
    String secret = secretOn(setUpPage(session));
    List<String> codes = enrol(session, secret);

    MockHttpSession lostPhone = signIn(username);
    mvc.perform(
            post("/sign-in/code")
                .param("code", codes.get(3).toUpperCase())
                .session(lostPhone)
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/account/authenticator").session(lostPhone))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("You have 9 unused recovery codes")));

    MockHttpSession again = signIn(username);
    mvc.perform(post("/sign-in/code").param("code", codes.get(3)).session(again).with(csrf()))
        .andExpect(redirectedUrl("/sign-in/code?error"));
  }

  @Test
  void fiveWrongCodesEndTheSession() throws Exception {
    String username = newStaff(Role.SUPERVISOR);
    MockHttpSession session = signIn(username);
    enrol(session, secretOn(setUpPage(session)));

    MockHttpSession guessing = signIn(username);
    for (int i = 1; i < 5; i++) {
      mvc.perform(post("/sign-in/code").param("code", "00000" + i).session(guessing).with(csrf()))
          .andExpect(redirectedUrl("/sign-in/code?error"));
    }
    mvc.perform(post("/sign-in/code").param("code", "000009").session(guessing).with(csrf()))
        .andExpect(redirectedUrl("/sign-in?codes"));
    mvc.perform(get("/residents").session(guessing)).andExpect(unauthenticated());
  }

  @Test
  void anAdministratorRemovesALostAppAndTheUserSetsUpANewOne() throws Exception {
    String username = newStaff(Role.DATA_PROTECTION_OFFICER);
    MockHttpSession session = signIn(username);
    enrol(session, secretOn(setUpPage(session)));

    mvc.perform(
            post("/admin/staff/{u}/authenticator", username)
                .with(signedIn.request(Fixtures.ADMIN))
                .with(csrf()))
        .andExpect(redirectedUrl("/admin/staff/" + username));
    MockHttpSession after = signIn(username);
    mvc.perform(get("/privacy").session(after))
        .andExpect(redirectedUrl("/account/authenticator?required"));
    // Only an administrator may.
    mvc.perform(
            post("/admin/staff/{u}/authenticator", Fixtures.ADMIN)
                .with(signedIn.request(Fixtures.SUPERVISOR))
                .with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void rolesThatSeeNoPersonalDataAndBearerTokensAreNotAsked() throws Exception {
    String analystName = newStaff(Role.ANALYST);
    MockHttpSession analyst = signIn(analystName);
    mvc.perform(get("/warehouse/dashboards/overview").session(analyst)).andExpect(status().isOk());
    mvc.perform(get("/account/authenticator").session(analyst))
        .andExpect(content().string(containsString("your roles do not need one")));
    // A token is issued on purpose (after a recent sign-in) and scoped: it needs no code.
    mvc.perform(get("/api/v1/services").header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
        .andExpect(status().isOk());
  }

  @Test
  void passkeysAreForPasswordSessionsOnly() throws Exception {
    // No challenge for anyone who has not given their password, nor for an API token.
    mvc.perform(post("/webauthn/authenticate/options").with(csrf()))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/login/webauthn").with(csrf()).contentType("application/json").content("{}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/webauthn/register/options")
                .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
        .andExpect(status().isUnauthorized());
    // After the password, the challenge for a passkey instead of the code.
    String username = newStaff(Role.AGENT);
    MockHttpSession session = signIn(username);
    enrol(session, secretOn(setUpPage(session)));
    MockHttpSession next = signIn(username);
    mvc.perform(post("/webauthn/authenticate/options").session(next).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("\"challenge\"")));
    // A passkey answer that does not verify is refused, and the session still owes its factor.
    mvc.perform(
            post("/login/webauthn")
                .session(next)
                .with(csrf())
                .contentType("application/json")
                .content("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"response\":{}}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/residents").session(next)).andExpect(redirectedUrl("/sign-in/code"));
  }

  private String newStaff(Role role) {
    String username = "mfa" + UUID.randomUUID().toString().substring(0, 8);
    signedIn.as(
        Fixtures.ADMIN,
        () -> {
          administration.createStaff(username, "Em Fay", Fixtures.PASSWORD, Set.of(role));
          return null;
        });
    // An administrator's password must be changed at the first sign-in: out of the way here.
    jdbc.sql("update staff_user set password_must_change = false where username = ?")
        .param(username)
        .update();
    return username;
  }

  private MockHttpSession signIn(String username) throws Exception {
    return (MockHttpSession)
        mvc.perform(
                post("/sign-in")
                    .param("username", username)
                    .param("password", Fixtures.PASSWORD)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getRequest()
            .getSession(false);
  }

  private String setUpPage(MockHttpSession session) throws Exception {
    return mvc.perform(get("/account/authenticator").session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private List<String> enrol(MockHttpSession session, String secret) throws Exception {
    @SuppressWarnings("unchecked")
    List<String> codes =
        (List<String>)
            mvc.perform(
                    post("/account/authenticator")
                        .param("code", code(secret, 0))
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/authenticator/recovery-codes"))
                .andReturn()
                .getFlashMap()
                .get("codes");
    return new ArrayList<>(codes);
  }

  static String secretOn(String page) {
    Matcher m = SECRET.matcher(page);
    assertThat(m.find()).as("the secret key on the set-up page").isTrue();
    return m.group(1).replace(" ", "");
  }

  /** The app's code for the 30-second step {@code ahead} steps from now. */
  static String code(String secret, int ahead) throws Exception {
    return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30 + ahead);
  }
}
