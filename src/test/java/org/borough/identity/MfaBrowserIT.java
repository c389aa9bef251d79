// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.borough.browser.Axe;
import org.borough.browser.Browser;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Setting up an authenticator app and signing in with its code, in a real browser, with axe-core
 * (WCAG 2.2 AA) on each page on the way: the set-up page (and its errors), the recovery codes, the
 * app's own page, and the code page (and its error).
 */
class MfaBrowserIT extends IntegrationTest {

  @DynamicPropertySource
  static void everyRoleThatOpensPersonalData(DynamicPropertyRegistry registry) {
    registry.add("borough.mfa.roles", () -> "personal-data");
  }

  @LocalServerPort int port;
  @Autowired SignedIn signedIn;
  @Autowired StaffAdministration administration;
  @Autowired JdbcClient jdbc;

  @Test
  void aCaseworkerSetsUpAnAppAndSignsInWithItsCode() throws Exception {
    Browser.requireOrSkip();
    String username = "mfab" + UUID.randomUUID().toString().substring(0, 8);
    signedIn.as(
        Fixtures.ADMIN,
        () ->
            administration.createStaff(
                username, "Bea Rowser", Fixtures.PASSWORD, Set.of(Role.CASEWORKER)));
    jdbc.sql("update staff_user set password_must_change = false where username = ?")
        .param(username)
        .update();
    try (Browser browser = Browser.start()) {
      WebDriver d = browser.driver();
      signIn(d, username);
      heading(d, "Set up an authenticator app");
      Axe.assertNoViolations(d);
      d.findElement(By.cssSelector("main form button[type=submit]")).click();
      errors(d);
      Axe.assertNoViolations(d);

      String secret =
          d.findElement(By.id("secret")).getAttribute("textContent").replace(" ", "").trim();
      d.findElement(By.id("code")).sendKeys(MfaIT.code(secret, 0));
      d.findElement(By.cssSelector("main form button[type=submit]")).click();
      heading(d, "Save your recovery codes");
      assertThat(d.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
      Axe.assertNoViolations(d);
      d.get("http://localhost:" + port + "/account/authenticator");
      heading(d, "Your authenticator app");
      Axe.assertNoViolations(d);

      d.manage().deleteAllCookies();
      signIn(d, username);
      heading(d, "Enter the code from your authenticator app");
      Axe.assertNoViolations(d);
      d.findElement(By.id("code")).sendKeys("000000");
      d.findElement(By.cssSelector("main form button[type=submit]")).click();
      errors(d);
      Axe.assertNoViolations(d);
      d.findElement(By.id("code")).sendKeys(MfaIT.code(secret, 1));
      d.findElement(By.cssSelector("main form button[type=submit]")).click();
      heading(d, "Staff console");
    }
  }

  private void signIn(WebDriver d, String username) {
    d.get("http://localhost:" + port + "/sign-in");
    d.findElement(By.id("username")).sendKeys(username);
    d.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    d.findElement(By.cssSelector("main form button")).click();
  }

  private static void heading(WebDriver d, String text) {
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElement(By.tagName("h1")).getText().equals(text));
  }

  private static void errors(WebDriver d) {
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> !x.findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
  }
}
