// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.borough.browser.Axe;
import org.borough.browser.Browser;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.PortalSignIn;
import org.borough.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident's whole journey in headless Chromium, with axe-core (WCAG 2.2 AA) on every page:
 * report a missed bin with a photo, get the reference, receive the email (at GreenMail), follow its
 * link to track the report; a caseworker resolves it in the console; the resident sees it resolved
 * and gets that email too.
 */
class PortalJourneyIT extends IntegrationTest {

  private static final Duration MAIL = Duration.ofSeconds(20);
  private static Browser browser;

  @LocalServerPort int port;

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
  void aResidentReportsTracksAndHearsThatTheProblemWasResolved() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "resident." + unique + "@example.org";
    WebDriver d = browser.driver();
    d.manage().deleteAllCookies();

    d.get(url("/portal"));
    checked(d);
    assertThat(d.getPageSource()).doesNotContain("Sign out", "Staff console");
    d.findElement(By.cssSelector("a.govuk-button--start")).click();
    checked(d);
    choose(d, "service", Fixtures.MISSED_BIN);
    continueButton(d);

    checked(d); // where
    choose(d, "kind", "address");
    d.findElement(By.id("addressLine")).sendKeys(unique + " Journey Street");
    d.findElement(By.id("postcode")).sendKeys("sw1a 1aa");
    continueButton(d);

    checked(d); // which bin
    continueButton(d);
    checked(d); // submitted empty: the error summary, accessibly
    assertThat(d.getTitle()).startsWith("Error:");
    choose(d, "attr-bin_type", "garden");
    continueButton(d);
    checked(d); // collection date (optional)
    continueButton(d);

    checked(d); // description
    d.findElement(By.id("description")).sendKeys("The garden bin was not emptied on Tuesday");
    continueButton(d);

    checked(d); // photos
    Path photo = Files.createTempFile("bin-", ".png");
    Files.write(photo, PortalIT.PNG);
    d.findElement(By.id("photo")).sendKeys(photo.toString());
    click(d, "button[name=action][value=upload]");
    checked(d);
    assertThat(d.findElement(By.className("govuk-summary-list")).getText())
        .contains(photo.getFileName().toString());
    click(d, "button[name=action][value=continue]");

    checked(d); // contact details
    d.findElement(By.id("firstName")).sendKeys("Jo");
    d.findElement(By.id("lastName")).sendKeys("Resident" + unique);
    d.findElement(By.id("email")).sendKeys(email);
    continueButton(d);

    checked(d); // check your answers
    assertThat(d.findElement(By.tagName("main")).getText())
        .contains("Garden waste", unique + " Journey Street, SW1A 1AA", email);
    click(d, "main form button[type=submit]:not([hidden]):not([name=find])");

    checked(d); // confirmation
    String reference = d.findElement(By.id("reference")).getText();
    assertThat(reference).matches("BR-\\d{4}-\\d{6,}");

    // The confirmation, and (made signed out) the link that proves the report is theirs.
    List<TestMail.Mail> received = TestMail.await(email, 2, MAIL);
    assertThat(received)
        .extracting(TestMail.Mail::subject)
        .containsExactlyInAnyOrder(
            "We have your report " + reference, "Is report " + reference + " yours?");
    String link = trackLink(mail(received, "We have your report").body());

    track(d, link, email);
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("New");

    // The resident follows the other email's link: the report becomes theirs.
    String claim =
        mail(received, "Is report")
            .body()
            .lines()
            .filter(l -> l.contains("/portal/claim?token="))
            .findFirst()
            .orElseThrow()
            .trim();
    d.get(url(claim.substring(claim.indexOf("/portal/claim"))));
    checked(d); // the link only shows a button
    continueButton(d);
    checked(d); // the report, tracked
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("New");

    // A caseworker resolves it in the console.
    d.manage().deleteAllCookies();
    d.get(url("/sign-in"));
    d.findElement(By.id("username")).sendKeys(Fixtures.CASEWORKER);
    d.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    click(d, "main form button");
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElement(By.tagName("h1")).getText().equals("Staff console"));
    d.get(url("/cases/" + reference));
    checked(d);
    new Select(d.findElement(By.id("status"))).selectByValue("RESOLVED");
    d.findElement(By.id("statusNote")).sendKeys("Crew returned and emptied the garden bin");
    click(d, "form[action$='/status'] button");
    checked(d);
    assertThat(d.findElement(By.id("case-status")).getText()).isEqualTo("Resolved");
    d.manage().deleteAllCookies();

    // The resident sees it resolved, with the council's note, and gets the email.
    track(d, link, email);
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("Resolved");
    assertThat(d.findElement(By.tagName("main")).getText())
        .contains("Crew returned and emptied the garden bin");
    List<TestMail.Mail> all = TestMail.await(email, 3, MAIL);
    assertThat(all)
        .extracting(TestMail.Mail::subject)
        .filteredOn(subject -> !subject.startsWith("Is report"))
        .containsExactly(
            "We have your report " + reference, "Your report " + reference + " has been resolved");

    // Later the resident signs in by an emailed link and finds the report among theirs.
    d.manage().deleteAllCookies();
    d.get(url("/portal"));
    click(d, "a[href$='/portal/sign-in']");
    checked(d);
    d.findElement(By.id("email")).sendKeys(email);
    continueButton(d);
    checked(d); // check your email
    d.get(url(PortalSignIn.awaitLink(email, 1)));
    checked(d); // the link only shows a button
    continueButton(d);
    checked(d); // your reports
    assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Your reports");
    assertThat(d.findElement(By.tagName("main")).getText())
        .contains(reference, "Resolved", "Crew returned and emptied the garden bin");
    click(d, "a[href$='/portal/track/" + reference + "']");
    checked(d); // tracked without giving the reference and email again
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("Resolved");
    d.get(url("/portal/account/preferences"));
    checked(d);
    WebElement byEmail = d.findElement(By.cssSelector("input[name=updates][value=email]"));
    assertThat(byEmail.isSelected()).isTrue();
    d.findElement(By.cssSelector("label[for='" + byEmail.getAttribute("id") + "']")).click();
    continueButton(d);
    checked(d);
    assertThat(d.findElement(By.cssSelector("input[name=updates][value=email]")).isSelected())
        .isFalse();
    click(d, "header ~ section form[action$='/portal/sign-out'] button");
    checked(d);
    assertThat(d.getPageSource()).contains("You have signed out");
  }

  /** Opens the email's link on this server and proves who the resident is. */
  private void track(WebDriver d, String link, String email) {
    d.get(url(link.substring(link.indexOf("/portal/track"))));
    checked(d);
    assertThat(d.findElement(By.id("reference")).getAttribute("value")).isNotBlank();
    d.findElement(By.id("detail")).sendKeys(email);
    click(d, "main form button[type=submit]:not([hidden]):not([name=find])");
    checked(d);
  }

  private static TestMail.Mail mail(List<TestMail.Mail> mails, String subjectStart) {
    return mails.stream()
        .filter(m -> m.subject().startsWith(subjectStart))
        .findFirst()
        .orElseThrow();
  }

  private static String trackLink(String body) {
    return body.lines()
        .filter(l -> l.contains("/portal/track?reference="))
        .findFirst()
        .orElseThrow()
        .trim();
  }

  private static void continueButton(WebDriver d) {
    click(d, "main form button[type=submit]:not([hidden]):not([name=find])");
  }

  /** Clicks, then waits for the next page to be there. */
  private static void click(WebDriver d, String css) {
    WebElement old = d.findElement(By.tagName("html"));
    d.findElement(By.cssSelector(css)).click();
    new WebDriverWait(d, Duration.ofSeconds(10))
        .until(
            x -> {
              try {
                old.getTagName();
                return false;
              } catch (StaleElementReferenceException gone) {
                return true;
              }
            });
  }

  private static void checked(WebDriver d) {
    assertThat(d.getPageSource()).doesNotContain("at org.");
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
