// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The security baseline end to end: headers, the real sign-in form and its lockout, CSRF, bearer
 * tokens from issue to revocation, tokens hashed at rest, and no stack trace on any page.
 */
class SecurityIT extends IntegrationTest {

  private static final Pattern ISSUED_TOKEN =
      Pattern.compile("id=\"issued-token\"[^>]*>\\s*([^<\\s]+)\\s*<");

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired StaffAdministration administration;
  @Autowired StaffDirectory directory;
  @Autowired JdbcTemplate jdbc;

  // --- headers ----------------------------------------------------------------------------------

  @Test
  void aResidentPageHasTheSecurityHeadersAndIsNotCached() throws Exception {
    String resident = registerResident();
    MockHttpServletResponse response =
        mvc.perform(get("/residents/" + resident).with(signedIn.request(Fixtures.AGENT)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    String csp = response.getHeader("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(String.join(",", response.getHeaders(HttpHeaders.CACHE_CONTROL)))
        .contains("no-store");
  }

  @Test
  void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
    // A real request to Tomcat from a loopback address, as a proxy on the same host would send it.
    HttpResponse<String> viaProxy =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/sign-in"))
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-For", "203.0.113.9")
                    .build(),
                body());
    assertThat(viaProxy.statusCode()).isEqualTo(200);
    assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).isPresent();
    assertThat(viaProxy.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("__Host-SESSION=")
                    .containsIgnoringCase("; Secure")
                    .contains("; Path=/")
                    .doesNotContainIgnoringCase("Domain=")
                    .containsIgnoringCase("; HttpOnly")
                    .containsIgnoringCase("; SameSite=Lax"));
    // The cookie it set is the session it reads: a second request through the proxy keeps it.
    String cookie =
        viaProxy.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-SESSION="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    HttpResponse<String> again =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/sign-in"))
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-For", "203.0.113.9")
                    .header("Cookie", cookie)
                    .build(),
                body());
    assertThat(again.headers().allValues("Set-Cookie"))
        .noneSatisfy(c -> assertThat(c).startsWith("__Host-SESSION="));

    HttpResponse<String> plain =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/sign-in")).build(), body());
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(plain.headers().allValues("Set-Cookie"))
        .isNotEmpty()
        .allSatisfy(
            c -> assertThat(c).startsWith("SESSION=").doesNotContainIgnoringCase("; Secure"));
  }

  @Test
  void theSignInPageHasTheSecurityHeadersToo() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(response.getHeader("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  // --- sign-in and lockout ----------------------------------------------------------------------

  @Test
  void signingInThroughTheFormGoesToTheHomePage() throws Exception {
    String username = newStaff("signin");
    signIn(username, Fixtures.PASSWORD)
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/"))
        .andExpect(authenticated().withUsername(username));
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    String username = newStaff("wrong");
    signIn(username, "not-the-password-at-all")
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/sign-in?error"))
        .andExpect(unauthenticated());
  }

  @Test
  void anUnknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
    signIn("nobody-" + suffix(), Fixtures.PASSWORD)
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/sign-in?error"))
        .andExpect(unauthenticated());
  }

  @Test
  void aKnownAndAnUnknownUsernameGetTheSameAnswersWhenGuessedAt() throws Exception {
    List<String> known = guess(newStaff("guessed"));
    List<String> unknown = guess("nobody-" + suffix());
    assertThat(unknown).isEqualTo(known);
    // Five failures, then a wait of a second even for the right password: not "locked".
    assertThat(known)
        .containsExactly(
            "/sign-in?error",
            "/sign-in?error",
            "/sign-in?error",
            "/sign-in?error",
            "/sign-in?error",
            "/sign-in?wait=1");
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri("/sign-in?wait=1")).build(), body());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("govuk-error-summary").contains("Wait 1 second");
  }

  /** Five wrong passwords and then the right one, each from a new address: the answers. */
  private List<String> guess(String username) throws Exception {
    List<String> answers = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      MockHttpServletResponse response =
          signIn(username, i <= 5 ? "wrong-password-" + i : Fixtures.PASSWORD, address())
              .andExpect(unauthenticated())
              .andReturn()
              .getResponse();
      answers.add(response.getRedirectedUrl());
    }
    return answers;
  }

  @Test
  void aStrangerFailingOnPurposeDelaysTheRealUserBySecondsNotALockout() throws Exception {
    String username = newStaff("lockout");
    for (int i = 1; i <= 5; i++) {
      signIn(username, "wrong-password-" + i, address())
          .andExpect(redirectedUrl("/sign-in?error"))
          .andExpect(unauthenticated());
    }
    // It used to be locked for 15 minutes, even against the right password.
    Thread.sleep(1_100);
    signIn(username, Fixtures.PASSWORD, address())
        .andExpect(redirectedUrl("/"))
        .andExpect(authenticated().withUsername(username));
  }

  @Test
  void aSuccessfulSignInResetsTheFailureCount() throws Exception {
    String username = newStaff("reset");
    for (int i = 1; i <= 4; i++) {
      signIn(username, "wrong-password-" + i, address()).andExpect(redirectedUrl("/sign-in?error"));
    }
    signIn(username, Fixtures.PASSWORD, address()).andExpect(redirectedUrl("/"));
    for (int i = 1; i <= 4; i++) {
      signIn(username, "wrong-password-" + i, address()).andExpect(redirectedUrl("/sign-in?error"));
    }
    signIn(username, Fixtures.PASSWORD, address())
        .andExpect(redirectedUrl("/"))
        .andExpect(authenticated().withUsername(username));
  }

  @Test
  void signInsAndFailedSignInsAreInTheAuditLogWithTheirAddress() throws Exception {
    String username = newStaff("audited");
    String from = address();
    signIn(username, "wrong-password", from).andExpect(redirectedUrl("/sign-in?error"));
    signIn(username, Fixtures.PASSWORD, from).andExpect(redirectedUrl("/"));
    signIn("nobody\nforged line", "wrong-password", from)
        .andExpect(redirectedUrl("/sign-in?error"));
    var rows =
        jdbc.queryForList(
            "select actor, action, subject_id, remote_address from audit_log"
                + " where subject_type = 'staff' and remote_address = ? order by id",
            from);
    assertThat(rows)
        .extracting(
            r -> valueOf(r, "actor") + " " + valueOf(r, "action") + " " + valueOf(r, "subject_id"))
        .containsExactly(
            "anonymous SIGN_IN_FAILED " + username,
            username + " SIGN_IN " + username,
            "anonymous SIGN_IN_FAILED (not a username)");
  }

  // --- CSRF -------------------------------------------------------------------------------------

  @Test
  void aConsoleFormWithoutItsCsrfTokenIsRefused() throws Exception {
    mvc.perform(
            post("/residents/new")
                .with(signedIn.request(Fixtures.AGENT))
                .param("forename", "Csrf")
                .param("surname", "Victim" + suffix()))
        .andExpect(status().isForbidden());
  }

  @Test
  void theSignInFormNeedsItsCsrfTokenToo() throws Exception {
    String username = newStaff("csrf");
    mvc.perform(post("/sign-in").param("username", username).param("password", Fixtures.PASSWORD))
        .andExpect(status().isForbidden())
        .andExpect(unauthenticated());
  }

  @Test
  void anApiWriteWithASessionButNoCsrfTokenIsRefused() throws Exception {
    mvc.perform(
            post("/api/v1/residents")
                .with(signedIn.request(Fixtures.AGENT))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"forename\": \"Csrf\", \"surname\": \"Api\"}"))
        .andExpect(status().isForbidden());
  }

  // --- bearer tokens ----------------------------------------------------------------------------

  @Test
  void theAdminTokenFromTheEnvironmentReadsTheCatalogue() throws Exception {
    mvc.perform(get("/api/v1/services").header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.code == '" + Fixtures.MISSED_BIN + "')]").exists());
  }

  @Test
  void aBearerRequestStartsNoSession() throws Exception {
    // A session per API call was a row written (or read and rewritten) in the sessions table for
    // every request, and its cookie alone let a client in after its token was revoked.
    MockHttpServletResponse read =
        mvc.perform(
                get("/api/v1/services").header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(read.getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
  }

  @Test
  void aWrongTokenGetsA401Problem() throws Exception {
    mvc.perform(
            get("/api/v1/services").header("Authorization", "Bearer brg_" + suffix() + suffix()))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401));
  }

  @Test
  void aBearerTokenDoesNotGrantMoreThanItsOwnersRole() throws Exception {
    // admin holds CATALOGUE_READ but not RESIDENT_READ
    mvc.perform(
            get("/api/v1/residents")
                .param("q", "smith")
                .header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aTokenIssuedOnTheAdminPageWorksUntilItIsRevoked() throws Exception {
    // Not a shared fixture user: its owner's next sign-in would lead to the token's notice.
    String owner = newStaff("integration");
    String name = "integration " + suffix();
    String token =
        issued(
            post("/admin/tokens")
                .with(signedIn.request(Fixtures.ADMIN))
                .param("owner", owner)
                .param("name", name)
                .param("lifetimeDays", "7")
                .param("scopes", "RESIDENT_READ", "CONTACT_LOG")
                .param("reason", "Testing the housing integration"));
    assertThat(token).startsWith("brg_").hasSizeGreaterThanOrEqualTo(24);

    // Shown once: the token list afterwards does not contain it.
    String list =
        mvc.perform(get("/admin/tokens").with(signedIn.request(Fixtures.ADMIN)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains(name).doesNotContain(token).doesNotContain("issued-token");

    mvc.perform(get("/api/v1/residents").param("q", "smith").header("Authorization", bearer(token)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.results").isArray());

    // A bearer request needs no CSRF token, and acts as the token's owner.
    mvc.perform(
            post("/api/v1/contacts")
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"channel\": \"PHONE\", \"direction\": \"INBOUND\","
                        + " \"outcome\": \"INFORMATION_GIVEN\", \"summary\": \"Bearer test\"}"))
        .andExpect(status().isCreated());

    ApiTokenInfo info =
        administration.apiTokens().stream()
            .filter(t -> t.name().equals(name))
            .findFirst()
            .orElseThrow();
    assertThat(info.owner()).isEqualTo(owner);
    assertThat(info.revokedAt()).isNull();

    mvc.perform(
            post("/admin/tokens/" + info.id() + "/revoke")
                .with(signedIn.request(Fixtures.ADMIN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/tokens"));

    mvc.perform(get("/api/v1/residents").param("q", "smith").header("Authorization", bearer(token)))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(
            administration.apiTokens().stream()
                .filter(t -> t.id().equals(info.id()))
                .findFirst()
                .orElseThrow()
                .revokedAt())
        .isNotNull();
  }

  @Test
  void anAdminCannotIssueAnUnscopedUnexplainedEndlessTokenForSomeoneElse() throws Exception {
    Staff agent = newStaffMember("victim");
    String page =
        mvc.perform(
                post("/admin/tokens")
                    .with(signedIn.request(Fixtures.ADMIN))
                    .with(csrf())
                    .param("owner", agent.username())
                    .param("name", "read residents"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("govuk-error-summary")
        .contains("href=\"#lifetimeDays\"", "href=\"#scopes\"", "href=\"#reason\"")
        .doesNotContain("issued-token");
    // Nor one for longer than 30 days, nor with a permission its owner does not have.
    String tooMuch =
        mvc.perform(
                post("/admin/tokens")
                    .with(signedIn.request(Fixtures.ADMIN))
                    .with(csrf())
                    .param("owner", agent.username())
                    .param("name", "read residents")
                    .param("lifetimeDays", "31")
                    .param("scopes", "STAFF_ADMIN")
                    .param("reason", "Because"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(tooMuch).contains("href=\"#lifetimeDays\"", "href=\"#scopes\"");
    assertThat(tokenCount(agent)).isZero();
  }

  @Test
  void aTokenAnAdminIssuesForSomeoneElseCanDoOnlyItsScopesAndTheyAreToldAtSignIn()
      throws Exception {
    Staff agent = newStaffMember("told");
    String token = adminIssues(agent, "CASE_READ", "Checking the case feed for ICT-1234");
    // The agent can read residents; a token for reading cases cannot.
    mvc.perform(get("/api/v1/residents").param("q", "smith").header("Authorization", bearer(token)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/cases/NOPE-1").header("Authorization", bearer(token)))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.queryForObject(
                "select detail from audit_log where subject_type = 'api-token'"
                    + " and subject_id = ? order by id desc fetch first 1 rows only",
                String.class,
                agent.id().value().toString()))
        .contains("[CASE_READ]", "by admin", "ICT-1234");

    MockHttpServletResponse signedInResponse =
        signIn(agent.username(), Fixtures.PASSWORD).andReturn().getResponse();
    assertThat(signedInResponse.getRedirectedUrl()).isEqualTo("/account/tokens");
    var session =
        (org.springframework.mock.web.MockHttpSession)
            signIn(agent.username(), Fixtures.PASSWORD).andReturn().getRequest().getSession();
    // Shown once, on the page sign-in leads to; until then every sign-in leads there.
    String notice =
        mvc.perform(get("/account/tokens").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(notice).contains("token-notices", "ICT-1234", "CASE_READ", "issued by admin");
    String again =
        mvc.perform(get("/account/tokens").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(again).doesNotContain("token-notices");
    signIn(agent.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"));
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    Staff agent = newStaffMember("expired");
    String token = adminIssues(agent, "CASE_READ", "Expiry test");
    jdbc.update(
        "update api_token set expires_at = ? where user_id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
        agent.id().value());
    mvc.perform(get("/api/v1/services").header("Authorization", bearer(token)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aUserIssuesTheirOwnTokenWhichAlwaysExpires() throws Exception {
    Staff agent = newStaffMember("self");
    mvc.perform(
            post("/account/tokens")
                .with(signedIn.request(agent.username()))
                .with(csrf())
                .param("name", "my script")
                .param("lifetimeDays", "91"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("href=\"#lifetimeDays\"")));
    String token =
        issued(
            post("/account/tokens")
                .with(signedIn.request(agent.username()))
                .param("name", "my script")
                .param("lifetimeDays", "7"));
    mvc.perform(get("/api/v1/residents").param("q", "smith").header("Authorization", bearer(token)))
        .andExpect(status().isOk());
    java.sql.Timestamp expires =
        jdbc.queryForObject(
            "select expires_at from api_token where user_id = ?",
            java.sql.Timestamp.class,
            agent.id().value());
    assertThat(expires.toInstant())
        .isBetween(
            java.time.Instant.now().plus(java.time.Duration.ofDays(7)).minusSeconds(120),
            java.time.Instant.now().plus(java.time.Duration.ofDays(7)));
  }

  @Test
  void onlyAnAdminMayIssueATokenForSomeoneElse() {
    Staff caseworker = directory.findByUsername(Fixtures.CASEWORKER).orElseThrow();
    assertThatThrownBy(
            () ->
                signedIn.as(
                    Fixtures.SUPERVISOR,
                    () ->
                        administration.issueApiToken(
                            caseworker.id(),
                            new StaffAdministration.TokenRequest(
                                "escalation", 1, java.util.Set.of(Permission.CASE_READ), "why"))))
        .isInstanceOf(org.borough.system.InvalidInputException.class);
  }

  @Test
  void onlyAnAdminMayIssueTokens() throws Exception {
    mvc.perform(
            post("/admin/tokens")
                .with(signedIn.request(Fixtures.SUPERVISOR))
                .with(csrf())
                .param("owner", Fixtures.SUPERVISOR)
                .param("name", "escalation " + suffix()))
        .andExpect(status().isForbidden());
  }

  @Test
  void tokensAreStoredOnlyAsHashes() throws Exception {
    String owner = newStaff("hashed");
    String name = "hashed " + suffix();
    String token =
        issued(
            post("/admin/tokens")
                .with(signedIn.request(Fixtures.ADMIN))
                .param("owner", owner)
                .param("name", name)
                .param("lifetimeDays", "1")
                .param("scopes", "CASE_READ")
                .param("reason", "Testing how tokens are stored"));
    String secret = token.substring("brg_".length());

    var rows = jdbc.queryForList("select * from api_token");
    assertThat(rows)
        .as("the new token has a row")
        .anySatisfy(row -> assertThat(valueOf(row, "name")).isEqualTo(name));
    for (Map<String, Object> row : rows) {
      for (Object value : row.values()) {
        String s = String.valueOf(value);
        assertThat(s).doesNotContain(token).doesNotContain(secret);
        assertThat(s).doesNotContain(Fixtures.ADMIN_TOKEN);
      }
    }
  }

  // --- no stack traces --------------------------------------------------------------------------

  @Test
  void theSignInPageShowsNoStackTrace() throws Exception {
    for (String url :
        new String[] {"/sign-in", "/sign-in?error", "/sign-in?wait=30", "/sign-in?wait=x"}) {
      String page =
          mvc.perform(get(url))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertNoStackTrace(page);
    }
  }

  @Test
  void anUnknownCaseGivesThe404PageWithoutAStackTrace() throws Exception {
    String page =
        mvc.perform(get("/cases/NOPE-1").with(signedIn.request(Fixtures.CASEWORKER)))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertNoStackTrace(page);
    mvc.perform(get("/residents/not-a-uuid").with(signedIn.request(Fixtures.CASEWORKER)))
        .andExpect(status().isNotFound());
  }

  @Test
  void realErrorPagesOverHttpShowNoStackTrace() throws Exception {
    Staff caseworker = directory.findByUsername(Fixtures.CASEWORKER).orElseThrow();
    String token =
        signedIn.as(
            Fixtures.CASEWORKER,
            () ->
                administration.issueApiToken(
                    caseworker.id(),
                    StaffAdministration.TokenRequest.own("error pages " + suffix())));
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> unknownCase = http.send(page("/cases/NOPE-1", token), body());
    assertThat(unknownCase.statusCode()).isEqualTo(404);
    assertNoStackTrace(unknownCase.body());

    HttpResponse<String> unknownPath = http.send(page("/no-such-page-" + suffix(), token), body());
    assertThat(unknownPath.statusCode()).isEqualTo(404);
    assertNoStackTrace(unknownPath.body());

    HttpResponse<String> badJson =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/residents"))
                .header("Authorization", bearer(token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"forename\": "))
                .build(),
            body());
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertNoStackTrace(badJson.body());

    HttpResponse<String> signIn =
        http.send(HttpRequest.newBuilder(uri("/sign-in?error")).build(), body());
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertNoStackTrace(signIn.body());
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static void assertNoStackTrace(String body) {
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("at java.");
  }

  private ResultActions signIn(String username, String password) throws Exception {
    return signIn(username, password, address());
  }

  /** A sign-in from {@code address}, so that other tests' failures do not count against it. */
  private ResultActions signIn(String username, String password, String address) throws Exception {
    return mvc.perform(
        post("/sign-in")
            .param("username", username)
            .param("password", password)
            .with(csrf())
            .with(
                request -> {
                  request.setRemoteAddr(address);
                  return request;
                }));
  }

  /** A client address of its own. */
  private static String address() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
  }

  private Staff newStaffMember(String prefix) {
    return directory.findByUsername(newStaff(prefix)).orElseThrow();
  }

  private String adminIssues(Staff owner, String scope, String reason) throws Exception {
    String token =
        issued(
            post("/admin/tokens")
                .with(signedIn.request(Fixtures.ADMIN))
                .param("owner", owner.username())
                .param("name", "for " + owner.username())
                .param("lifetimeDays", "3")
                .param("scopes", scope)
                .param("reason", reason));
    return token;
  }

  /** Posts a token form and returns the token the page shows, once, in #issued-token. */
  private String issued(MockHttpServletRequestBuilder form) throws Exception {
    String page =
        mvc.perform(form.with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher issued = ISSUED_TOKEN.matcher(page);
    assertThat(issued.find()).as("the page shows the new token in #issued-token").isTrue();
    return issued.group(1);
  }

  private long tokenCount(Staff owner) {
    return jdbc.queryForObject(
        "select count(*) from api_token where user_id = ?", Long.class, owner.id().value());
  }

  private String newStaff(String prefix) {
    String username = prefix + "-" + suffix();
    administration.createStaff(
        username, "Test " + prefix, Fixtures.PASSWORD, EnumSet.of(Role.AGENT));
    return username;
  }

  private String registerResident() throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/residents")
                    .with(signedIn.request(Fixtures.AGENT))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"forename": "Hedda", "surname": "Headers%s",
                         "addressLine1": "2 Header Lane", "postcode": "SW1A 2AA"}
                        """
                            .formatted(suffix())))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(created, "$.id");
  }

  private static Object valueOf(Map<String, Object> row, String column) {
    return row.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(column))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private HttpRequest page(String path, String token) {
    return HttpRequest.newBuilder(uri(path))
        .header("Authorization", bearer(token))
        .header("Accept", "text/html")
        .build();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
