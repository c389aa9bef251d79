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
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
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

  /**
   * Passkeys are bound to the console's address, so the port is chosen before the server starts.
   */
  private static final int PORT = freePort();

  @DynamicPropertySource
  static void everyRoleThatOpensPersonalData(DynamicPropertyRegistry registry) {
    registry.add("borough.mfa.roles", () -> "personal-data");
    registry.add("server.port", () -> PORT);
    registry.add("borough.passkeys.origin", () -> "http://localhost:" + PORT);
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @LocalServerPort int port;
  @Autowired SignedIn signedIn;
  @Autowired StaffAdministration administration;
  @Autowired JdbcClient jdbc;

  @Test
  void aCaseworkerSetsUpAnAppSignsInWithItsCodeThenAddsAndUsesAPasskey() throws Exception {
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
      d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
          .click();
      errors(d);
      Axe.assertNoViolations(d);

      String secret =
          d.findElement(By.id("secret")).getAttribute("textContent").replace(" ", "").trim();
      d.findElement(By.id("code")).sendKeys(MfaIT.code(secret, 0));
      d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
          .click();
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
      d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
          .click();
      errors(d);
      Axe.assertNoViolations(d);
      d.findElement(By.id("code")).sendKeys(MfaIT.code(secret, 1));
      d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
          .click();
      heading(d, "Staff console");

      // A passkey, on Chromium's virtual authenticator (a platform one that verifies the user).
      ((HasVirtualAuthenticator) d)
          .addVirtualAuthenticator(
              new VirtualAuthenticatorOptions()
                  .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                  .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                  .setHasResidentKey(true)
                  .setHasUserVerification(true)
                  .setIsUserVerified(true));
      d.get("http://localhost:" + port + "/webauthn/register");
      heading(d, "Your passkeys");
      Axe.assertNoViolations(d);
      d.findElement(By.id("label")).sendKeys("Test laptop");
      d.findElement(By.id("passkey-register")).click();
      new WebDriverWait(d, Duration.ofSeconds(10))
          .ignoring(StaleElementReferenceException.class)
          .until(
              x ->
                  x.findElements(By.cssSelector("#passkeys tbody tr")).size() == 1
                      || !x.findElements(By.id("passkey-error")).isEmpty()
                          && !x.findElement(By.id("passkey-error")).getText().isEmpty());
      assertThat(d.findElements(By.id("passkey-error")))
          .allSatisfy(e -> assertThat(e.getText()).as("the passkey error").isEmpty());
      assertThat(d.findElement(By.id("passkeys")).getText()).contains("Test laptop");
      Axe.assertNoViolations(d);

      // The next sign-in: the password, then the passkey instead of the code.
      d.manage().deleteAllCookies();
      signIn(d, username);
      heading(d, "Enter the code from your authenticator app");
      d.findElement(By.id("passkey-sign-in")).click();
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
