// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.PortalSignIn;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SessionCookies;
import org.borough.support.SignedIn;
import org.borough.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Resident accounts over HTTP with real email (GreenMail): a one-time link signs a resident in
 * after a GET and a POST, once, while it is the newest and unexpired; the same page whether or not
 * the address is known; "your reports" lists what they reported and follow; preferences stop update
 * emails; and a resident session is nobody on the staff side.
 */
class PortalAccountsIT extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired MockMvc mvc;
  @Autowired CaseManagement cases;
  @Autowired ResidentManagement residents;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;

  @Test
  void aResidentSignsInByEmailSeesTheirReportsAndTurnsOffUpdateEmails() throws Exception {
    String email = "account." + unique() + "@example.org";
    // TEST-NET-2 addresses: PortalIT floods from TEST-NET-3 ones to trip the rate limit.
    String address = "198.51.100.1";
    MockHttpSession reporter = new MockHttpSession();
    String reference = report(reporter, address, email, "Ada", "Account");
    TestMail.await(email, 1, WAIT); // the confirmation
    // Made signed out, it becomes the account's once the address is proved by the emailed link.
    assertThat(claim(reporter, address, claimLink(email)).getRedirectedUrl())
        .isEqualTo("/portal/track/" + reference);
    CaseView followed = openCase(resident("follow." + unique() + "@example.org"));
    ResidentId me =
        signedIn.as(
            Fixtures.SUPERVISOR,
            () -> new ResidentId(cases.viewByReference(reference).summary().residentId()));
    signedIn.as(Fixtures.SUPERVISOR, () -> cases.follow(followed.reference(), me));
    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          // A note to the case's reporter is theirs; the status note is published.
          cases.addNote(followed.id(), "Mrs F, we will call you back", true);
          cases.changeStatus(
              followed.id(), CaseStatus.IN_PROGRESS, "Crew booked for Friday", true, null, null);
          return cases.addNote(followed.id(), "Internal: resident is rude", false);
        });

    MockHttpSession browser = new MockHttpSession();
    MockHttpServletResponse asked = PortalSignIn.ask(mvc, browser, email, address);
    assertThat(asked.getRedirectedUrl()).isEqualTo("/portal/sign-in/sent");
    assertThat(get(browser, "/portal/sign-in/sent").getContentAsString())
        .contains("Check your email", email);
    String link = PortalSignIn.awaitLink(email, 1);

    // Opening the link (as a mail scanner would) only shows a button, and signs nobody in.
    MockHttpServletResponse opened = get(new MockHttpSession(), link);
    assertThat(opened.getContentAsString())
        .contains("Continue", "name=\"token\"")
        .doesNotContain("does not work");
    assertThat(get(browser, "/portal/account").getRedirectedUrl()).isEqualTo("/portal/sign-in");

    String before = browser.getId();
    MockHttpServletResponse used =
        PortalSignIn.use(mvc, browser, PortalSignIn.token(link), address);
    assertThat(used.getRedirectedUrl()).isEqualTo("/portal/account");
    assertThat(browser.getId()).as("a new session id after signing in").isNotEqualTo(before);

    String mine = get(browser, "/portal/account").getContentAsString();
    assertThat(mine)
        .contains(reference, followed.reference(), "You follow this report", "Crew booked")
        .doesNotContain("Internal: resident is rude", "Sign in</a>", "call you back")
        .contains("Sign out");
    assertThat(mine.indexOf(followed.reference()))
        .as("newest first")
        .isLessThan(mine.indexOf(reference));
    // Each links to its tracking page, without the reference and email asked for again.
    MockHttpServletResponse tracked = get(browser, "/portal/track/" + reference);
    assertThat(tracked.getStatus()).isEqualTo(200);
    assertThat(tracked.getContentAsString()).contains(reference, "Report received");
    assertThat(get(browser, "/portal/track/" + openCase(null).reference()).getRedirectedUrl())
        .as("someone else's report still needs its details")
        .startsWith("/portal/track?reference=");

    // The link is used up.
    assertThat(
            PortalSignIn.use(mvc, new MockHttpSession(), PortalSignIn.token(link), address)
                .getContentAsString())
        .contains("This sign-in link does not work");

    // No more update emails.
    assertThat(get(browser, "/portal/account/preferences").getContentAsString())
        .contains("By email to " + email)
        .contains("checked");
    MockHttpServletResponse saved =
        mvc.perform(
                MockMvcRequestBuilders.post("/portal/account/preferences")
                    .session(browser)
                    .with(csrf())
                    .with(PortalSignIn.from(address)))
            .andReturn()
            .getResponse();
    assertThat(saved.getRedirectedUrl()).isEqualTo("/portal/account/preferences");
    assertThat(get(browser, "/portal/account/preferences").getContentAsString())
        .doesNotContain("checked");
    CaseView c = signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(reference));
    // A pothole: its team's caseworker works on it (another team's may not).
    signedIn.as(
        Fixtures.HIGHWAYS_CASEWORKER,
        () -> cases.changeStatus(c.id(), CaseStatus.IN_PROGRESS, null, false, null, null));
    assertThat(awaitNotification(c, "STATUS"))
        .isEqualTo("SKIPPED the resident asked for no updates this way");
    assertThat(TestMail.to(email))
        .extracting(TestMail.Mail::subject)
        .doesNotContain("Your report " + reference + " is now in progress");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_log where subject_id = ? and detail like"
                        + " 'contact preferences: email off%'")
                .param(me.toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // Signing out ends the session: it is gone from the sessions table, and the browser is out.
    String stored = SessionCookies.storedId(browser);
    assertThat(
            jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(stored)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    mvc.perform(
        MockMvcRequestBuilders.post("/portal/sign-out")
            .session(browser)
            .with(csrf())
            .with(PortalSignIn.from(address)));
    assertThat(
            jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(stored)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(get(browser, "/portal/account").getRedirectedUrl()).isEqualTo("/portal/sign-in");
  }

  @Test
  void aReportGivenSomeoneElsesEmailStaysOutOfTheirAccountUntilTheyProveIt() throws Exception {
    String email = "owner." + unique() + "@example.org";
    String address = "198.51.100.7";
    ResidentId owner = resident("Olive", "Owner" + unique(), email, null);
    // A stranger, signed out, reports and follows in the owner's name.
    String planted = report(new MockHttpSession(), address, email, "Mallory", "Stranger");
    String link = claimLink(email);
    assertThat(
            signedIn.as(
                Fixtures.SUPERVISOR, () -> cases.viewByReference(planted).summary().residentId()))
        .as("the council can still reach the person named")
        .isEqualTo(owner.value());

    MockHttpSession browser = PortalSignIn.signIn(mvc, email, address);
    assertThat(get(browser, "/portal/account").getContentAsString())
        .as("someone else's words are not in the owner's account")
        .doesNotContain(planted, "A deep pothole");
    assertThat(get(browser, "/portal/track/" + planted).getRedirectedUrl())
        .as("nor opened as theirs")
        .isEqualTo("/portal/track?reference=" + planted);

    // Opening the link (as a mail scanner would) only shows a button and proves nothing.
    assertThat(get(new MockHttpSession(), link).getContentAsString())
        .contains("Continue", planted, "name=\"token\"");
    assertThat(get(browser, "/portal/account").getContentAsString()).doesNotContain(planted);

    // The owner follows it: it is theirs now, in the account and on the case's timeline.
    assertThat(claim(browser, address, link).getRedirectedUrl())
        .isEqualTo("/portal/track/" + planted);
    assertThat(get(browser, "/portal/account").getContentAsString()).contains(planted);
    assertThat(get(browser, "/portal/track/" + planted).getStatus()).isEqualTo(200);
    assertThat(signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(planted).timeline()))
        .anyMatch(t -> t.kind().equals("PROOF"));

    // Once only.
    assertThat(claim(new MockHttpSession(), address, link).getContentAsString())
        .contains("This link does not work");
  }

  @Test
  void onlyTheNewestUnexpiredLinkWorksAndOnlyOnce() throws Exception {
    String email = "links." + unique() + "@example.org";
    resident(email);
    String address = "198.51.100.2";
    PortalSignIn.ask(mvc, new MockHttpSession(), email, address);
    String first = PortalSignIn.awaitLink(email, 1);
    PortalSignIn.ask(mvc, new MockHttpSession(), email, address);
    String second = PortalSignIn.awaitLink(email, 2);
    assertThat(get(new MockHttpSession(), first).getContentAsString())
        .as("replaced by the newer link")
        .contains("This sign-in link does not work");
    assertThat(
            PortalSignIn.use(mvc, new MockHttpSession(), PortalSignIn.token(first), address)
                .getRedirectedUrl())
        .isNull();
    jdbc.sql("update portal_sign_in_link set expires_at = ? where email = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(1)), email)
        .update();
    assertThat(
            PortalSignIn.use(mvc, new MockHttpSession(), PortalSignIn.token(second), address)
                .getContentAsString())
        .as("expired")
        .contains("This sign-in link does not work");
    assertThat(
            PortalSignIn.use(mvc, new MockHttpSession(), "not-a-token", address)
                .getContentAsString())
        .contains("This sign-in link does not work");
    assertThat(
            jdbc.sql("select token_hash from portal_sign_in_link where email = ?")
                .param(email)
                .query(String.class)
                .list())
        .as("only a hash is kept")
        .doesNotContain(PortalSignIn.token(second));
  }

  @Test
  void knownAndUnknownAddressesGetTheSameAnswerAndTheLimitsHold() throws Exception {
    String known = "known." + unique() + "@example.org";
    String unknown = "unknown." + unique() + "@example.org";
    resident(known);
    String address = "198.51.100.3";
    MockHttpSession a = new MockHttpSession();
    MockHttpSession b = new MockHttpSession();
    MockHttpServletResponse forKnown = PortalSignIn.ask(mvc, a, known, address);
    MockHttpServletResponse forUnknown = PortalSignIn.ask(mvc, b, unknown, address);
    assertThat(forUnknown.getStatus()).isEqualTo(forKnown.getStatus());
    assertThat(forUnknown.getRedirectedUrl()).isEqualTo(forKnown.getRedirectedUrl());
    assertThat(get(b, "/portal/sign-in/sent").getContentAsString().replace(unknown, "@"))
        .isEqualTo(get(a, "/portal/sign-in/sent").getContentAsString().replace(known, "@"));
    PortalSignIn.awaitLink(known, 1);
    assertThat(PortalSignIn.mails(unknown)).as("nothing is sent to an unknown address").isEmpty();

    // Per address: the fourth link in an hour is not sent, and the page does not say so.
    for (int i = 0; i < 3; i++) {
      assertThat(PortalSignIn.ask(mvc, a, known, "198.51.100.4").getRedirectedUrl())
          .isEqualTo("/portal/sign-in/sent");
    }
    PortalSignIn.awaitLink(known, 3);
    // Sign-in mail goes out one at a time, in order: once a link asked for after the fourth has
    // arrived, a fourth would have too.
    String later = "later." + unique() + "@example.org";
    resident(later);
    PortalSignIn.ask(mvc, new MockHttpSession(), later, "198.51.100.6");
    PortalSignIn.awaitLink(later, 1);
    assertThat(PortalSignIn.mails(known)).hasSize(3);

    // Per IP address: ten requests an hour, then 429.
    String busy = "198.51.100.5";
    for (int i = 0; i < 10; i++) {
      assertThat(PortalSignIn.ask(mvc, b, "x" + i + "." + unknown, busy).getStatus())
          .isEqualTo(302);
    }
    MockHttpServletResponse limited = PortalSignIn.ask(mvc, b, "y." + unknown, busy);
    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getHeader("Retry-After")).isNotBlank();

    // A wrong address is an error on the form, not a "check your email".
    MockHttpServletResponse wrong = PortalSignIn.ask(mvc, b, "not an email", address);
    assertThat(wrong.getStatus()).isEqualTo(200);
    assertThat(wrong.getContentAsString()).contains("govuk-error-summary");
  }

  @Test
  void aReportMadeWhileSignedInIsTheResidentsAndItsContactStepIsFilledIn() throws Exception {
    String email = "signed." + unique() + "@example.org";
    String surname = "Signed" + unique();
    ResidentId me = resident("Sid", surname, email, "07700 900456");
    // A second record with the same email and phone (a duplicate not yet merged): matching by
    // details alone finds no one for sure, but the signed-in resident is known.
    resident("Sid", surname, email, "07700 900456");
    String address = "198.51.100.6";
    MockHttpSession browser = PortalSignIn.signIn(mvc, email, address);
    String reference = report(browser, address, null, null, null);
    CaseView c = signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(reference));
    assertThat(c.summary().residentId()).isEqualTo(me.value());
    assertThat(get(browser, "/portal/account").getContentAsString()).contains(reference);
  }

  @Test
  void aResidentSessionReachesNoStaffPage() throws Exception {
    String email = "nostaff." + unique() + "@example.org";
    resident(email);
    MockHttpSession browser = PortalSignIn.signIn(mvc, email, "198.51.100.7");
    for (String page : List.of("/", "/queues/mine", "/residents", "/admin", "/admin/audit")) {
      MockHttpServletResponse r = get(browser, page);
      assertThat(r.getStatus()).as(page).isEqualTo(302);
      assertThat(r.getRedirectedUrl()).as(page).endsWith("/sign-in");
    }
    assertThat(
            mvc.perform(
                    MockMvcRequestBuilders.get("/api/v1/residents?q=zz")
                        .session(browser)
                        .accept("application/json"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(401);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /**
   * A pothole reported on the portal in this session; with {@code email} null, the contact step is
   * sent as it is shown (filled in for a signed-in resident). Returns the reference.
   */
  private String report(
      MockHttpSession session, String address, String email, String first, String last)
      throws Exception {
    get(session, "/portal/report/start?service=" + Fixtures.POTHOLE);
    post(
        session,
        address,
        "/portal/report/location",
        "kind",
        "address",
        "addressLine",
        unique() + " Account Road",
        "postcode",
        "E1 6AN");
    post(session, address, "/portal/report/questions/depth_cm");
    post(session, address, "/portal/report/questions/hazards");
    post(session, address, "/portal/report/description", "description", "A deep pothole");
    post(session, address, "/portal/report/photos", "action", "continue");
    if (email != null) {
      post(
          session,
          address,
          "/portal/report/contact",
          "firstName",
          first,
          "lastName",
          last,
          "email",
          email);
    } else {
      String page = get(session, "/portal/report/contact").getContentAsString();
      assertThat(page).contains("value=\"Sid\"", "07700 900456");
      String shown = page.replaceAll("(?s).*id=\"email\"[^>]*value=\"([^\"]*)\".*", "$1");
      String lastName = page.replaceAll("(?s).*id=\"lastName\"[^>]*value=\"([^\"]*)\".*", "$1");
      post(
          session,
          address,
          "/portal/report/contact",
          "firstName",
          "Sid",
          "lastName",
          lastName,
          "email",
          shown,
          "phone",
          "07700 900456");
    }
    MockHttpServletResponse sent = post(session, address, "/portal/report/check");
    assertThat(sent.getRedirectedUrl()).isEqualTo("/portal/report/confirmation");
    String page = get(session, "/portal/report/confirmation").getContentAsString();
    return page.replaceAll("(?s).*id=\"reference\">([^<]+)<.*", "$1");
  }

  /** Waits for the email that proves a report is the addressee's; its link, as a path. */
  private static String claimLink(String email) {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      var found =
          TestMail.to(email).stream().filter(m -> m.subject().startsWith("Is report")).toList();
      if (!found.isEmpty()) {
        String line =
            found
                .get(found.size() - 1)
                .body()
                .lines()
                .filter(l -> l.contains("/portal/claim?token="))
                .findFirst()
                .orElseThrow()
                .trim();
        return line.substring(line.indexOf("/portal/claim"));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("No email with a report's link for " + email);
  }

  /** Presses Continue on the report link's page. */
  private MockHttpServletResponse claim(MockHttpSession session, String address, String link)
      throws Exception {
    return post(session, address, "/portal/claim", "token", PortalSignIn.token(link));
  }

  private MockHttpServletResponse get(MockHttpSession session, String uri) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get(uri).session(session)).andReturn().getResponse();
  }

  private MockHttpServletResponse post(
      MockHttpSession session, String address, String uri, String... fields) throws Exception {
    var b =
        MockMvcRequestBuilders.post(uri)
            .session(session)
            .with(csrf())
            .with(PortalSignIn.from(address));
    for (int i = 0; i < fields.length; i += 2) {
      b.param(fields[i], fields[i + 1]);
    }
    return mvc.perform(b).andReturn().getResponse();
  }

  private ResidentId resident(String email) {
    return resident("Acc", "Ount" + unique(), email, null);
  }

  private ResidentId resident(String forename, String surname, String email, String phone) {
    ResidentDetails details = ResidentDetailsFor.contact(forename, surname, email, phone);
    return signedIn.as(Fixtures.SUPERVISOR, () -> residents.register(details));
  }

  /** A missed-bin case, raised by phone (so its own channel is not the portal's). */
  private CaseView openCase(ResidentId resident) {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            cases.open(
                new org.borough.cases.NewCase(
                    Fixtures.MISSED_BIN,
                    resident,
                    "Bin missed",
                    unique() + " Follow Street, E1 6AN",
                    null,
                    null,
                    null,
                    null,
                    java.util.Map.of("bin_type", List.of("general")),
                    null,
                    null,
                    org.borough.residents.Channel.PHONE,
                    null)));
  }

  /** Waits for the case's notification of this template to be done; "STATUS detail". */
  private String awaitNotification(CaseView c, String template) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      List<String> done =
          jdbc.sql(
                  "select status || ' ' || coalesce(last_error, channel) from notification"
                      + " where case_id = ? and template = ? and status <> 'PENDING'"
                      + " and status <> 'SENDING'")
              .params(c.id().value(), template)
              .query(String.class)
              .list();
      if (!done.isEmpty()) {
        return done.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No " + template + " notification done for " + c.reference());
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
