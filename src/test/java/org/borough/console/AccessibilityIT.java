// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.borough.browser.Axe;
import org.borough.browser.Browser;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * axe-core (WCAG 2.2 AA) on every page of the console, as the role that uses it, including the
 * pages that show errors. The journey test covers the forms in use; this covers the rest.
 */
class AccessibilityIT extends IntegrationTest {

  private static Browser browser;

  @LocalServerPort int port;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired UserDetailsService users;

  @BeforeAll
  static void startBrowser() {
    Browser.requireOrSkip();
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyPagePassesAxe() {
    String surname = "Axe" + UUID.randomUUID().toString().substring(0, 6);
    asUser(Fixtures.SUPERVISOR);
    ResidentId resident =
        residents.register(
            new ResidentDetails(
                "Ada",
                surname,
                null,
                null,
                "020 7946 0001",
                "3 Mill Lane",
                null,
                null,
                "E1 6AN",
                null,
                null,
                null,
                null,
                "Uses a wheelchair",
                null));
    CaseView c =
        cases.open(
            new NewCase(
                Fixtures.MISSED_BIN,
                resident,
                "Garden bin missed",
                "3 Mill Lane",
                null,
                null,
                null,
                Fixtures.WARD,
                java.util.Map.of("bin_type", List.of("garden")),
                null,
                null,
                null,
                null));
    SecurityContextHolder.clearContext();

    List<String[]> pages =
        List.of(
            new String[] {null, "/sign-in"},
            new String[] {null, "/sign-in?error"},
            new String[] {Fixtures.AGENT, "/"},
            new String[] {Fixtures.AGENT, "/residents"},
            new String[] {Fixtures.AGENT, "/residents?q=" + surname},
            new String[] {Fixtures.AGENT, "/residents?q=zzzznobody"},
            new String[] {Fixtures.AGENT, "/residents?q=x"},
            new String[] {Fixtures.AGENT, "/residents/new"},
            new String[] {Fixtures.AGENT, "/residents/" + resident},
            new String[] {Fixtures.AGENT, "/residents/" + resident + "/edit"},
            new String[] {Fixtures.AGENT, "/residents/" + resident + "/contacts/new"},
            new String[] {Fixtures.AGENT, "/contacts/new"},
            new String[] {Fixtures.AGENT, "/cases/new"},
            new String[] {Fixtures.AGENT, "/cases/new?service=" + Fixtures.POTHOLE},
            new String[] {Fixtures.AGENT, "/cases/" + c.reference()},
            new String[] {Fixtures.AGENT, "/cases/BR-1999-000000"},
            new String[] {Fixtures.AGENT, "/admin"},
            new String[] {Fixtures.CASEWORKER, "/queues"},
            new String[] {Fixtures.CASEWORKER, "/queues/mine"},
            new String[] {Fixtures.CASEWORKER, "/queues/team/" + Fixtures.WASTE},
            new String[] {Fixtures.CASEWORKER, "/queues/team/" + Fixtures.WASTE + "?sla=breached"},
            new String[] {Fixtures.CASEWORKER, "/cases/" + c.reference()},
            new String[] {Fixtures.SUPERVISOR, "/residents/" + resident + "/merge?q=" + surname},
            new String[] {Fixtures.ADMIN, "/admin"},
            new String[] {Fixtures.ADMIN, "/admin/staff"},
            new String[] {Fixtures.ADMIN, "/admin/tokens"},
            new String[] {Fixtures.ADMIN, "/admin/audit"},
            new String[] {Fixtures.ADMIN, "/admin/bank-holidays"},
            new String[] {Fixtures.ADMIN, "/admin/warehouse"},
            new String[] {Fixtures.ANALYST, "/warehouse/data-quality"},
            new String[] {Fixtures.ANALYST, "/services"},
            new String[] {Fixtures.ANALYST, "/services/" + Fixtures.MISSED_BIN});
    return pages.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    (p[0] == null ? "anonymous" : p[0]) + " " + p[1],
                    () -> {
                      WebDriver d = browser.driver();
                      signInAs(d, p[0]);
                      d.get("http://localhost:" + port + p[1]);
                      assertThat(d.getPageSource()).doesNotContain("at org.", "Exception");
                      Axe.assertNoViolations(d);
                    }));
  }

  private String current;

  private void signInAs(WebDriver d, String username) {
    if (java.util.Objects.equals(username, current)) {
      return;
    }
    d.manage().deleteAllCookies();
    current = username;
    if (username == null) {
      return;
    }
    d.get("http://localhost:" + port + "/sign-in");
    d.findElement(By.id("username")).sendKeys(username);
    d.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    d.findElement(By.cssSelector("main form button")).click();
    // The old page's heading goes stale as the new page loads: keep looking until it settles.
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElement(By.tagName("h1")).getText().equals("Staff console"));
  }

  private void asUser(String username) {
    var user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
