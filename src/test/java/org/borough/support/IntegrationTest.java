// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole application on a random port, on H2 or PostgreSQL (see
 * {@link TestDatabase}), with no demo data and a known set of staff, teams and services ({@link
 * Fixtures}). All subclasses share one application context per database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "borough.demo-data=false",
      "borough.admin-password=" + Fixtures.PASSWORD,
      "borough.admin-api-token=" + Fixtures.ADMIN_TOKEN,
      "borough.open311.api-key=" + Fixtures.OPEN311_KEY,
      "borough.open311.jurisdiction-id=" + Fixtures.JURISDICTION,
      "borough.cases.sla-watch-interval=1h",
      // Long enough for any query the tests mean to finish; SqlPageIT waits for one to be stopped.
      "borough.warehouse.sql.timeout=3s",
      // Every test shares one address (127.0.0.1): the rate-limit test posts from its own.
      "borough.portal.rate-limit-requests=" + IntegrationTest.PORTAL_RATE_LIMIT,
      // Likewise for failed staff sign-ins: the throttle tests sign in from addresses of their own.
      "borough.lockout-address-attempts=1000",
      "borough.portal.track-requests=" + IntegrationTest.TRACK_RATE_LIMIT,
      "borough.notifications.poll-interval=200ms",
      "borough.notifications.first-retry=1s",
      // Staff alert emails go when a test sends them (StaffAlertsIT), and digests at any hour.
      "borough.notifications.staff-alert-interval=1h",
      "borough.notifications.staff-digest-at=00:00",
      "borough.mail-poll-interval=300ms",
      "spring.mail.host=127.0.0.1",
      // No load balancer to wait for when a test context closes.
      "borough.shutdown-drain=0s",
      // GreenMail speaks plain SMTP: STARTTLS, required by default, is turned off for it.
      "borough.mail.starttls=false",
      // Staff act through SignedIn or the sign-in form without an authenticator app; MfaIT turns
      // the default (personal-data) back on and proves the second factor.
      "borough.mfa.roles=none"
    })
@org.springframework.context.annotation.Import({
  Fixtures.class,
  SignedIn.class,
  SessionCookies.class,
  org.borough.warehouse.WarehouseProbe.class
})
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
public abstract class IntegrationTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  /** Portal form posts one address may make per period in the tests. */
  public static final int PORTAL_RATE_LIMIT = 300;

  /** Tracking tries one address may make per period in the tests (below the form limit). */
  public static final int TRACK_RATE_LIMIT = 40;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    java.nio.file.Path dataDir = java.nio.file.Path.of("target", "it-data", RUN).toAbsolutePath();
    registry.add("borough.data-dir", dataDir::toString);
    // Mail goes to a real SMTP server the tests can read (see TestMail).
    registry.add("spring.mail.port", TestMail::port);
    // Texts and letters go through a server that plays GOV.UK Notify (see TestNotify); email stays
    // on SMTP, as it does for a council that uses Notify for texts only.
    registry.add("borough.notify.api-key", () -> TestNotify.API_KEY);
    registry.add("borough.notify.base-url", TestNotify::url);
    registry.add("borough.notify.sms-template", () -> TestNotify.SMS_TEMPLATE);
    registry.add("borough.notify.letter-template", () -> TestNotify.LETTER_TEMPLATE);
    registry.add("borough.notify.callback-token", () -> TestNotify.CALLBACK_TOKEN);
    // The council's contact@ mailbox, read over IMAP (see TestMailbox); new emails become noise
    // complaints, a service with no questions that tests add when they need it.
    registry.add("borough.mailbox.contact.host", () -> "127.0.0.1");
    registry.add("borough.mailbox.contact.port", TestMailbox::port);
    registry.add("borough.mailbox.contact.protocol", () -> "imap");
    registry.add("borough.mailbox.contact.username", () -> TestMailbox.USER);
    registry.add("borough.mailbox.contact.password", () -> TestMailbox.PASSWORD);
    registry.add("borough.mailbox.contact.address", () -> TestMailbox.ADDRESS);
    registry.add("borough.mailbox.contact.service", () -> Fixtures.NOISE);
    if (!TestDatabase.postgres()) {
      // Set here, not derived: the embedded default is computed before this source exists.
      registry.add(
          "spring.datasource.url",
          () ->
              "jdbc:h2:file:"
                  + dataDir.resolve("db").resolve("borough")
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
    if (TestDatabase.postgres()) {
      String url = TestDatabase.postgresUrl();
      if (url != null) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
      }
    }
  }

  @BeforeAll
  static void databaseAvailable() {
    if (TestDatabase.postgres()) {
      Assumptions.assumeTrue(
          TestDatabase.postgresUrl() != null,
          () -> "PostgreSQL unreachable, skipping: " + TestDatabase.unavailableReason());
    }
  }
}
