// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.borough.browser.Axe;
import org.borough.browser.Browser;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole first-contact-to-resolution journey in a real headless Chromium, with axe-core (WCAG
 * 2.2 AA) on every page on the way: an agent finds a resident, logs a phone contact, raises a
 * missed-bin case; a caseworker finds it in the team queue and resolves it; the case shows the SLA
 * as met.
 */
class ConsoleJourneyIT extends IntegrationTest {

  private static Browser browser;

  @LocalServerPort int port;
  @Autowired ResidentManagement residents;
  @Autowired SignedIn signedIn;

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

  @Test
  void agentRaisesAMissedBinCaseAndACaseworkerResolvesItWithinSla() {
    String surname = "Journey" + UUID.randomUUID().toString().substring(0, 6);
    signedIn.enter(Fixtures.AGENT);
    residents.register(
        new ResidentDetails(
            "Jo",
            surname,
            null,
            "jo." + surname + "@example.org",
            "07700 900123",
            "12 Acacia Avenue",
            null,
            "Borough",
            "SW1A 1AA",
            100012345678L,
            Fixtures.WARD,
            null,
            null,
            null,
            null));
    SignedIn.leave();
    WebDriver d = browser.driver();

    signIn(d, Fixtures.AGENT);
    d.get(url("/residents"));
    checked(d);
    d.findElement(By.id("q")).sendKeys("jo " + surname);
    d.findElement(By.cssSelector("form[role=search] button")).click();
    checked(d);
    d.findElement(By.linkText("Jo " + surname)).click();
    checked(d);
    assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Jo " + surname);

    d.findElement(By.linkText("Log a contact")).click();
    checked(d);
    d.findElement(By.id("durationMinutes")).sendKeys("3");
    d.findElement(By.id("summary")).sendKeys("Recycling bin not emptied this week");
    choose(d, "outcome", "CASE_RAISED");
    d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
        .click();

    checked(d); // choose the service
    choose(d, "service", Fixtures.MISSED_BIN);
    d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
        .click();
    checked(d); // the service's questions
    d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
        .click();
    checked(d); // submitted empty: the error summary must be accessible too
    assertThat(d.getTitle()).startsWith("Error:");
    assertThat(d.findElement(By.className("govuk-error-summary")).getText())
        .contains("Which bin was missed?", "Describe the problem");
    choose(d, "attr-bin_type", "recycling");
    d.findElement(By.id("description")).sendKeys("Recycling not collected on Tuesday");
    d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
        .click();
    checked(d);
    String reference = d.findElement(By.tagName("h1")).getText().replaceAll(".*(BR-\\S+).*", "$1");
    assertThat(reference).matches("BR-\\d{4}-\\d{6,}");
    assertThat(d.getPageSource()).contains("Phone contact");
    signOut(d);

    signIn(d, Fixtures.CASEWORKER);
    d.get(url("/queues"));
    checked(d);
    d.findElement(By.linkText("Waste and recycling")).click();
    checked(d);
    // The queue is ordered by SLA risk, so a case raised just now sits behind every older one
    // (other tests fill this team's queue too): the caseworker finds it by its reference, as
    // they would when the resident quotes it.
    d.get(url("/residents?q=" + reference));
    checked(d);
    assertThat(d.getCurrentUrl()).endsWith("/cases/" + reference);
    new Select(d.findElement(By.id("status"))).selectByValue("IN_PROGRESS");
    d.findElement(By.cssSelector("form[action$='/status'] button")).click();
    checked(d);
    assertThat(d.findElement(By.id("case-status")).getText()).isEqualTo("In progress");
    new Select(d.findElement(By.id("status"))).selectByValue("RESOLVED");
    d.findElement(By.cssSelector("form[action$='/status'] button")).click();
    checked(d); // resolving without a note is refused, accessibly
    assertThat(d.findElement(By.className("govuk-error-summary")).getText())
        .contains("Say how the case was resolved");
    new Select(d.findElement(By.id("status"))).selectByValue("RESOLVED");
    d.findElement(By.id("statusNote")).sendKeys("Crew returned and emptied the bin");
    d.findElement(By.cssSelector("form[action$='/status'] button")).click();
    checked(d);
    assertThat(d.findElement(By.id("case-status")).getText()).isEqualTo("Resolved");
    assertThat(d.findElement(By.id("sla-state")).getText()).isEqualTo("SLA met");
    signOut(d);
  }

  private void signIn(WebDriver d, String username) {
    d.get(url("/sign-in"));
    checked(d);
    d.findElement(By.id("username")).sendKeys(username);
    d.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    d.findElement(By.cssSelector("main form button")).click();
    // The old page's heading goes stale as the new page loads: keep looking until it settles.
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElement(By.tagName("h1")).getText().equals("Staff console"));
    checked(d);
  }

  private void signOut(WebDriver d) {
    d.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
    checked(d);
  }

  /** Runs axe-core on the page the browser is on: any WCAG 2.2 AA violation fails the test. */
  private static void checked(WebDriver d) {
    Axe.assertNoViolations(d);
  }

  private static void choose(WebDriver d, String name, String value) {
    WebElement input =
        d.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    d.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
