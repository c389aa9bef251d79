// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.borough.browser.Axe;
import org.borough.browser.Browser;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Democratic services' work and the public's view of it, in a real headless Chromium with axe-core
 * (WCAG 2.2 AA) on every page: publish a forward-plan notice; record a decision (pressing Enter in
 * a field saves it rather than adding an item), publish it and link it to the notice; then read the
 * forward plan and the decision as the public, without signing in.
 */
class GovernanceJourneyIT extends IntegrationTest {

  private static Browser browser;

  @LocalServerPort int port;
  @Autowired DecisionRegister register;

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
  void democraticServicesPublishANoticeAndADecisionThatThePublicCanRead() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String matter = "Library opening hours " + suffix;
    LocalDate today = register.today();
    WebDriver d = browser.driver();

    // The public pages, before anything is published.
    d.get(url("/decisions"));
    checked(d);
    d.get(url("/forward-plan"));
    checked(d);

    signIn(d, Fixtures.DEMOCRATIC_SERVICES);
    d.get(url("/governance/decisions"));
    checked(d);
    d.findElement(By.linkText("Forward plan")).click();
    checked(d);
    d.findElement(By.linkText("Publish a forward-plan notice")).click();
    checked(d);
    d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
        .click();
    checked(d); // refused empty: the error summary must be accessible too
    assertThat(d.getTitle()).startsWith("Error:");
    assertThat(d.findElement(By.className("govuk-error-summary")).getText())
        .contains("Enter the matter to be decided");
    d.findElement(By.id("title")).sendKeys(matter);
    d.findElement(By.id("decisionMaker")).sendKeys("Cabinet");
    date(d, "expectedDecisionDate", today.plusDays(35));
    d.findElement(By.id("documents")).sendKeys("Report of the Director of Culture");
    d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
        .click();
    checked(d);
    assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(matter);
    assertThat(d.findElement(By.className("govuk-notification-banner")).getText())
        .contains("Notice published");

    // Record a decision; Enter in the title saves the draft rather than adding an item.
    d.get(url("/governance/decisions/new"));
    checked(d);
    d.findElement(By.id("issue.title")).sendKeys(matter);
    d.findElement(By.id("decisionMaker.name")).sendKeys("Cabinet");
    date(d, "decisionDate", today);
    new Select(d.findElement(By.id("items[0].verb"))).selectByValue("AGREED");
    d.findElement(By.id("items[0].text")).sendKeys("to extend library opening hours");
    d.findElement(By.id("reasons")).sendKeys("Residents asked for it.");
    d.findElement(By.id("issue.title")).sendKeys(Keys.ENTER);
    waitForHeading(d, matter);
    checked(d);
    assertThat(d.findElement(By.className("govuk-notification-banner")).getText())
        .contains("Draft decision recorded");
    assertThat(d.findElements(By.id("items[1].verb"))).isEmpty();
    String decisionUrl = d.getCurrentUrl();

    d.findElement(By.cssSelector("form[action$='/publish'] button")).click();
    checked(d);
    assertThat(d.findElement(By.className("govuk-notification-banner")).getText())
        .contains("Decision published");

    // Link the notice to the decision it led to.
    d.get(url("/governance/forward-plan"));
    checked(d);
    d.findElement(By.linkText(matter)).click();
    checked(d);
    new Select(d.findElement(By.id("decisionId")))
        .selectByValue(decisionUrl.substring(decisionUrl.lastIndexOf('/') + 1));
    d.findElement(By.cssSelector("form[action$='/decision'] button")).click();
    checked(d);
    assertThat(d.findElement(By.className("govuk-notification-banner")).getText())
        .contains("Decision linked");
    signOut(d);

    // The public: the forward plan shows the decision taken; the decision shows its notice.
    d.get(url("/forward-plan?show=all"));
    checked(d);
    WebElement row = d.findElement(By.xpath("//tr[.//a[normalize-space()='" + matter + "']]"));
    assertThat(row.getText()).contains("Decision taken");
    row.findElement(By.linkText(matter)).click();
    checked(d);
    d.findElement(By.partialLinkText(matter + " (")).click();
    checked(d);
    assertThat(d.findElement(By.tagName("main")).getText())
        .contains("1. Agreed to extend library opening hours", "Forward plan notice");
    d.get(url("/decisions?q=" + suffix));
    checked(d);
    assertThat(d.findElement(By.linkText(matter)).isDisplayed()).isTrue();
  }

  private void signIn(WebDriver d, String username) {
    d.get(url("/sign-in"));
    checked(d);
    d.findElement(By.id("username")).sendKeys(username);
    d.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    d.findElement(By.cssSelector("main form button")).click();
    waitForHeading(d, "Staff console");
  }

  private void signOut(WebDriver d) {
    d.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
    checked(d);
  }

  /** The old page's heading goes stale as the new page loads: keep looking until it settles. */
  private static void waitForHeading(WebDriver d, String heading) {
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElement(By.tagName("h1")).getText().equals(heading));
  }

  private static void date(WebDriver d, String name, LocalDate date) {
    d.findElement(By.id(name + "-day")).sendKeys(String.valueOf(date.getDayOfMonth()));
    d.findElement(By.id(name + "-month")).sendKeys(String.valueOf(date.getMonthValue()));
    d.findElement(By.id(name + "-year")).sendKeys(String.valueOf(date.getYear()));
  }

  /** Runs axe-core on the page the browser is on: any WCAG 2.2 AA violation fails the test. */
  private static void checked(WebDriver d) {
    Axe.assertNoViolations(d);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
