// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.audit.AuditLog;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testidp.IdpUsers.Spoiled;
import testidp.TestIdentityProvider;

/**
 * Single sign-on against a real OpenID Connect provider ({@link TestIdentityProvider}, Spring
 * Security's authorization server on a port of its own), driven as a browser would: redirects
 * followed, cookies kept, the provider's sign-in form filled in. Roles come from the provider's
 * groups at every sign-in; nobody unknown gets in; sign-out ends both sessions; a spoiled ID token
 * is refused; with passwords turned off only the break-glass admin has one.
 */
class SingleSignOnIT extends IntegrationTest {

  private static final TestIdentityProvider IDP = TestIdentityProvider.start();
  private static final String PROVIDER = "Test Council account";

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("borough.oidc.issuer-uri", IDP::issuer);
    registry.add("borough.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
    registry.add("borough.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
    registry.add("borough.oidc.name", () -> PROVIDER);
    registry.add(
        "borough.oidc.roles", () -> "borough-agents=AGENT;borough-leads=SUPERVISOR,CASEWORKER");
    registry.add("borough.oidc.teams", () -> "borough-waste=" + Fixtures.WASTE);
    registry.add("borough.local-sign-in", () -> "false");
    // Short, so that the step-up test can outwait it.
    registry.add("borough.step-up", () -> "2s");
  }

  @AfterAll
  static void stop() {
    IDP.close();
  }

  @LocalServerPort int port;
  @Autowired StaffAdministration administration;
  @Autowired StaffDirectory directory;
  @Autowired SignedIn signedIn;
  @Autowired AuditLog audit;

  @BeforeEach
  void allowThisBorough() {
    IDP.allow(base());
  }

  @Test
  void staffSignInThroughTheProviderWithTheRolesAndTeamsTheirGroupsGive() throws Exception {
    String username = staff(Role.ANALYST);
    IDP.user(username, "idp-password-1", "borough-agents", "borough-waste", "unrelated");

    Browser b = new Browser();
    HttpResponse<String> home = b.signInWithProvider(username, "idp-password-1");
    assertThat(home.uri().toString()).isEqualTo(base() + "/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Sign out");
    assertThat(b.get(base() + "/residents").statusCode()).as("an agent's page").isEqualTo(200);
    assertThat(b.get(base() + "/admin/staff").statusCode()).as("an admin's page").isEqualTo(403);

    Staff now = directory.findByUsername(username).orElseThrow();
    assertThat(now.roles()).containsExactly(Role.AGENT);
    assertThat(directory.teamsOf(now.id())).extracting(Team::code).containsExactly(Fixtures.WASTE);
    assertThat(auditOf(username))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("single sign-on"))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("roles [AGENT], teams from " + PROVIDER));
  }

  @Test
  void aUserTakenOutOfTheirGroupsLosesAccessAtTheirNextSignIn() throws Exception {
    String username = staff(Role.AGENT);
    IDP.user(username, "idp-password-2", "borough-leads");
    assertThat(new Browser().signInWithProvider(username, "idp-password-2").uri().getPath())
        .isEqualTo("/");
    assertThat(directory.findByUsername(username).orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.SUPERVISOR, Role.CASEWORKER);

    IDP.groups(username, "unrelated");
    Browser b = new Browser();
    HttpResponse<String> refused = b.signInWithProvider(username, "idp-password-2");
    assertThat(refused.uri().toString()).isEqualTo(base() + "/sign-in?sso=norole");
    assertThat(refused.body())
        .contains("There is a problem")
        .contains("account is not in a group that gives access to Borough");
    assertThat(b.get(base() + "/").uri().getPath()).isEqualTo("/sign-in");
  }

  @Test
  void someoneWithoutABoroughAccountIsRefusedAndNotCreated() throws Exception {
    String stranger = "stranger" + unique();
    IDP.user(stranger, "idp-password-3", "borough-agents");
    HttpResponse<String> refused = new Browser().signInWithProvider(stranger, "idp-password-3");
    assertThat(refused.uri().toString()).isEqualTo(base() + "/sign-in?sso=unknown");
    assertThat(refused.body()).contains("you do not have a Borough account");
    assertThat(directory.findByUsername(stranger)).isEmpty();
  }

  @Test
  void aDeactivatedAccountIsRefusedLikeAnUnknownOne() throws Exception {
    String username = staff(Role.AGENT);
    IDP.user(username, "idp-password-4", "borough-agents");
    Staff s = directory.findByUsername(username).orElseThrow();
    signedIn.as(
        Fixtures.ADMIN,
        () ->
            administration.changeStaff(
                s.id(),
                new StaffAdministration.StaffChange(
                    s.displayName(), s.roles(), Set.of(), false, null)));
    assertThat(new Browser().signInWithProvider(username, "idp-password-4").uri().toString())
        .isEqualTo(base() + "/sign-in?sso=unknown");
  }

  @Test
  void signingOutEndsTheSessionHereAndAtTheProvider() throws Exception {
    String username = staff(Role.AGENT);
    IDP.user(username, "idp-password-5", "borough-agents");
    Browser b = new Browser();
    HttpResponse<String> home = b.signInWithProvider(username, "idp-password-5");

    HttpResponse<String> out = b.post(base() + "/sign-out", "_csrf=" + csrf(home.body()));
    assertThat(out.uri().toString()).isEqualTo(base() + "/sign-in?signedOut");
    assertThat(out.body()).contains("You have signed out");
    assertThat(b.get(base() + "/").uri().getPath()).as("Borough's session").isEqualTo("/sign-in");
    // The provider asks for the password again: its session ended too.
    HttpResponse<String> again = b.get(base() + "/oauth2/authorization/oidc");
    assertThat(again.uri().toString()).isEqualTo(IDP.issuer() + "/login");
  }

  @Test
  void aStepUpPageSendsStaffBackToTheProviderToSignInAfresh() throws Exception {
    String username = staff(Role.AGENT);
    IDP.user(username, "idp-password-9", "borough-leads");
    Browser b = new Browser();
    b.signInWithProvider(username, "idp-password-9");
    Thread.sleep(3_000);

    // The SQL page wants a sign-in within BOROUGH_STEP_UP: this one is older.
    HttpResponse<String> asked = b.get(base() + "/warehouse/sql");
    assertThat(asked.uri().toString()).startsWith(base() + "/sign-in?again");
    assertThat(asked.body()).contains("/oauth2/authorization/oidc?again=1");
    // The provider is asked to make them sign in afresh, not to reuse its own session.
    HttpResponse<String> request =
        b.http.send(
            b.page(URI.create(base() + "/oauth2/authorization/oidc?again=1")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(request.headers().firstValue("Location").orElseThrow()).contains("prompt=login");

    // The provider asks for the password although its own session is still there.
    HttpResponse<String> login = b.get(base() + "/oauth2/authorization/oidc?again=1");
    assertThat(login.uri().toString()).isEqualTo(IDP.issuer() + "/login");
    HttpResponse<String> back =
        b.post(
            IDP.issuer() + "/login",
            form("username", username, "password", "idp-password-9", "_csrf", csrf(login.body())));
    assertThat(back.uri().toString()).as(back.body()).endsWith("/warehouse/sql?continue");
    assertThat(back.statusCode()).isEqualTo(200);
  }

  @Test
  void anExpiredForgedOrMisaddressedIdTokenIsRefused() throws Exception {
    for (Spoiled how : List.of(Spoiled.EXPIRED, Spoiled.OTHER_ISSUER, Spoiled.OTHER_AUDIENCE)) {
      String username = staff(Role.AGENT);
      IDP.user(username, "idp-password-6", "borough-agents");
      IDP.spoil(username, how);
      Browser b = new Browser();
      HttpResponse<String> refused = b.signInWithProvider(username, "idp-password-6");
      assertThat(refused.uri().toString()).as(how.name()).isEqualTo(base() + "/sign-in?sso=failed");
      assertThat(refused.body()).contains("Signing in with " + PROVIDER + " did not work");
      assertThat(b.get(base() + "/").uri().getPath()).as(how.name()).isEqualTo("/sign-in");
    }
  }

  @Test
  void withPasswordsTurnedOffOnlyTheBreakGlassAdminHasOne() throws Exception {
    Browser agent = new Browser();
    HttpResponse<String> page = agent.get(base() + "/sign-in");
    assertThat(page.body())
        .contains("Sign in with " + PROVIDER)
        .contains("Sign in as the break-glass administrator");
    HttpResponse<String> refused =
        agent.post(
            base() + "/sign-in",
            form(
                "username",
                Fixtures.AGENT,
                "password",
                Fixtures.PASSWORD,
                "_csrf",
                csrf(page.body())));
    assertThat(refused.uri().toString()).isEqualTo(base() + "/sign-in?error");

    Browser admin = new Browser();
    page = admin.get(base() + "/sign-in");
    HttpResponse<String> in =
        admin.post(
            base() + "/sign-in",
            form(
                "username",
                Fixtures.ADMIN,
                "password",
                Fixtures.PASSWORD,
                "_csrf",
                csrf(page.body())));
    assertThat(in.uri().getPath()).isNotEqualTo("/sign-in");
    assertThat(in.statusCode()).isEqualTo(200);
  }

  private String staff(Role role) {
    String username = "sso" + unique();
    signedIn.as(
        Fixtures.ADMIN,
        () ->
            administration.createStaff(
                username, "Sam Single", "unused-password-" + username, Set.of(role)));
    return username;
  }

  private List<AuditLog.Entry> auditOf(String username) {
    return signedIn.as(
        Fixtures.ADMIN,
        () -> audit.read(new AuditLog.AuditQuery("staff", username, null, null, 20)));
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
  private static final Pattern CSRF_REVERSED =
      Pattern.compile("value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (m.find()) {
      return m.group(1);
    }
    m = CSRF_REVERSED.matcher(html);
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  private static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** A browser: its own cookies, redirects followed by hand so every hop is seen. */
  private final class Browser {

    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** From Borough's button to wherever the provider and Borough send the browser in the end. */
    HttpResponse<String> signInWithProvider(String username, String password) throws Exception {
      HttpResponse<String> login = get(base() + "/oauth2/authorization/oidc");
      assertThat(login.uri().toString()).isEqualTo(IDP.issuer() + "/login");
      return post(
          IDP.issuer() + "/login",
          form("username", username, "password", password, "_csrf", csrf(login.body())));
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
      return follow(page(URI.create(url)).GET().build());
    }

    HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
      return follow(
          page(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }

    /** As a browser asks for a page: the provider's sign-in form is for those, not for APIs. */
    private HttpRequest.Builder page(URI uri) {
      return HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml");
    }

    private HttpResponse<String> follow(HttpRequest first)
        throws IOException, InterruptedException {
      HttpResponse<String> r = http.send(first, HttpResponse.BodyHandlers.ofString());
      for (int hop = 0; hop < 20 && r.statusCode() / 100 == 3; hop++) {
        URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
        r = http.send(page(next).GET().build(), HttpResponse.BodyHandlers.ofString());
      }
      return r;
    }
  }
}
