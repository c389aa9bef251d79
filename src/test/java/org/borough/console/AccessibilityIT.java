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
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionIssue;
import org.borough.governance.DecisionItem;
import org.borough.governance.DecisionMaker;
import org.borough.governance.DecisionRegister;
import org.borough.governance.DecisionVerb;
import org.borough.identity.StaffDirectory;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (WCAG 2.2 AA) on every page of the console, as the role that uses it, including the
 * pages that show errors. The journey test covers the forms in use; this covers the rest.
 */
class AccessibilityIT extends IntegrationTest {

  private static Browser browser;

  @LocalServerPort int port;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired DecisionRegister decisions;
  @Autowired SignedIn signedIn;
  @Autowired StaffDirectory directory;

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
    signedIn.enter(Fixtures.SUPERVISOR);
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
    DecisionDetails decision =
        new DecisionDetails(
            new DecisionIssue(
                "Axe review " + surname, "A decision for the accessibility test", null),
            new DecisionMaker(DecisionMaker.Kind.BODY, "Cabinet", List.of("Cllr One", "Cllr Two")),
            null,
            "Cabinet Member for Financial Management, Transformation & IT",
            java.time.LocalDate.of(2020, 1, 15),
            java.time.LocalDate.of(2020, 1, 16),
            false,
            true,
            null,
            "Background.\n• A point\n• Another point",
            List.of(
                new DecisionItem(
                    1,
                    DecisionVerb.AGREED,
                    "to spend",
                    100_000L,
                    "2019/20",
                    "Reserve",
                    null,
                    null)),
            "Reasons.",
            List.of(new org.borough.governance.RejectedOption(1, "Do nothing", "Not an option.")),
            null,
            null);
    signedIn.enter(Fixtures.DEMOCRATIC_SERVICES);
    DecisionId published = decisions.importDecisions(List.of(decision)).get(0);
    DecisionId draft = decisions.recordDraft(decision);
    SignedIn.leave();
    String waste = directory.findTeamByCode(Fixtures.WASTE).orElseThrow().id().value().toString();

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
            new String[] {Fixtures.ADMIN, "/admin/open311-clients"},
            new String[] {Fixtures.ADMIN, "/admin/staff/" + Fixtures.AGENT},
            new String[] {Fixtures.ADMIN, "/admin/staff/" + Fixtures.AGENT + "/password"},
            new String[] {Fixtures.ADMIN, "/admin/staff/" + Fixtures.AGENT + "/password", SUBMIT},
            new String[] {Fixtures.ADMIN, "/admin/teams"},
            new String[] {Fixtures.ADMIN, "/admin/teams", SUBMIT},
            new String[] {Fixtures.ADMIN, "/admin/teams/" + waste},
            new String[] {Fixtures.ADMIN, "/admin/services"},
            new String[] {Fixtures.ADMIN, "/admin/services/new"},
            new String[] {Fixtures.ADMIN, "/admin/services/new", SUBMIT},
            new String[] {Fixtures.ADMIN, "/admin/services/" + Fixtures.MISSED_BIN},
            new String[] {
              Fixtures.ADMIN, "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/new"
            },
            new String[] {
              Fixtures.ADMIN, "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/new", SUBMIT
            },
            new String[] {
              Fixtures.ADMIN, "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/bin_type"
            },
            new String[] {null, "/sign-in?ended"},
            new String[] {Fixtures.ADMIN, "/admin/warehouse"},
            new String[] {Fixtures.ANALYST, "/warehouse/data-quality"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/overview"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/sla"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/channels"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/wards"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/services"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/overview?from=soon&channel=x"},
            new String[] {
              Fixtures.ANALYST,
              "/warehouse/cases?kpi=volume-by-service&key=" + Fixtures.MISSED_BIN + "&back=services"
            },
            new String[] {Fixtures.ANALYST, "/services"},
            new String[] {Fixtures.ANALYST, "/services/" + Fixtures.MISSED_BIN},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions"},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/new"},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + draft},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + draft + "/edit"},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + published},
            new String[] {
              Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + published + "/edit"
            },
            new String[] {
              Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + published + "/call-in"
            },
            new String[] {null, "/decisions"},
            new String[] {null, "/decisions?q=axe&from-day=31&from-month=2&from-year=2020"},
            new String[] {null, "/decisions/" + published},
            new String[] {null, "/decisions/" + published + "/versions/1"});
    return pages.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    (p[0] == null ? "anonymous" : p[0])
                        + " "
                        + p[1]
                        + (p.length > 2 ? " (" + p[2] + ")" : ""),
                    () -> {
                      WebDriver d = browser.driver();
                      signInAs(d, p[0]);
                      d.get("http://localhost:" + port + p[1]);
                      if (p.length > 2) {
                        submitEmpty(d);
                      }
                      // A stack trace, not a field such as generalExceptionNotice.
                      assertThat(d.getPageSource())
                          .doesNotContain("at org.")
                          .doesNotContainPattern("Exception\\b");
                      Axe.assertNoViolations(d);
                    }));
  }

  /** Marks a page whose main form is sent empty, to check the page that shows the errors. */
  private static final String SUBMIT = "submitted empty";

  private static void submitEmpty(WebDriver d) {
    WebElement button = d.findElement(By.cssSelector("main form[novalidate] button[type=submit]"));
    button.click();
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> !x.findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
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
}
