// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications end to end: a case change commits, the dispatcher reads it from the outbox, and the
 * email arrives at a real SMTP server (GreenMail) — once, for the reporter and each follower, with
 * the reference and a link to track it; a resident with only a mobile gets a text; a mail outage
 * delays messages without losing them.
 */
class NotificationsIT extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired CaseManagement cases;
  @Autowired ResidentManagement residents;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired LockProvider locks;

  @Test
  void theReporterHearsOnceThatTheReportWasReceivedWithItsReferenceAndATrackingLink() {
    String email = "notify." + unique() + "@example.org";
    CaseView c = raise(resident(email, null));
    List<TestMail.Mail> mails = TestMail.await(email, 1, WAIT);
    assertThat(mails)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.subject()).isEqualTo("We have your report " + c.reference());
              assertThat(m.body())
                  .contains("Dear Nell", c.reference(), "Missed bin collection")
                  .contains("/portal/track?reference=" + c.reference());
            });
    // Polls go on (a later report's message goes out); the first is not sent again.
    afterALaterMessage();
    assertThat(TestMail.to(email)).hasSize(1);
    assertThat(
            jdbc.sql("select status, channel from notification where case_id = ?")
                .param(c.id().value())
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2))
                .list())
        .containsExactly("SENT EMAIL");
  }

  @Test
  void whileAnotherNodeDispatchesThisOneSendsNothingAndTakesOverWhenItStops() {
    // Another node's dispatcher, holding the cluster-wide lock as ShedLock takes it.
    LockConfiguration other =
        new LockConfiguration(
            Instant.now(), "notifications-dispatch", Duration.ofMinutes(5), Duration.ZERO);
    Instant deadline = Instant.now().plus(WAIT);
    Optional<SimpleLock> held = locks.lock(other);
    while (held.isEmpty() && Instant.now().isBefore(deadline)) {
      sleep(Duration.ofMillis(50)); // this node's poll holds it for a moment now and then
      held = locks.lock(other);
    }
    assertThat(held).as("the dispatch lock, taken as another node").isPresent();
    String email = "cluster." + unique() + "@example.org";
    try {
      raise(resident(email, null));
      sleep(Duration.ofSeconds(3)); // fifteen of this node's polls
      assertThat(TestMail.to(email)).isEmpty();
    } finally {
      held.get().unlock();
    }
    assertThat(TestMail.await(email, 1, WAIT)).hasSize(1);
  }

  @Test
  void statusChangesAndResolutionReachTheReporterAndFollowers() {
    String reporterEmail = "reporter." + unique() + "@example.org";
    String followerEmail = "follower." + unique() + "@example.org";
    CaseView c = raise(resident(reporterEmail, null));
    ResidentId follower = resident(followerEmail, null);
    signedIn.as(Fixtures.SUPERVISOR, () -> cases.follow(c.reference(), follower));
    TestMail.await(reporterEmail, 1, WAIT);
    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.changeStatus(c.id(), CaseStatus.OPEN, null, false, null, null); // triage: quiet
          cases.changeStatus(c.id(), CaseStatus.IN_PROGRESS, null, false, null, null);
          return cases.changeStatus(c.id(), CaseStatus.RESOLVED, "Bin emptied", true, null, null);
        });
    List<TestMail.Mail> reporter = TestMail.await(reporterEmail, 3, WAIT);
    List<TestMail.Mail> followed = TestMail.await(followerEmail, 2, WAIT);
    assertThat(reporter)
        .extracting(TestMail.Mail::subject)
        .containsExactly(
            "We have your report " + c.reference(),
            "Your report " + c.reference() + " is now in progress",
            "Your report " + c.reference() + " has been resolved");
    assertThat(followed)
        .extracting(TestMail.Mail::subject)
        .containsExactly(
            "Your report " + c.reference() + " is now in progress",
            "Your report " + c.reference() + " has been resolved");
  }

  @Test
  void aResidentWithOnlyAMobileGetsATextAndAnAnonymousReportNothing() {
    CaseView c = raise(resident(null, org.borough.support.TestPhones.unused(jdbc)));
    CaseView anonymous = raise(null);
    awaitStatus(c, "SENT");
    assertThat(
            jdbc.sql("select channel from notification where case_id = ?")
                .param(c.id().value())
                .query(String.class)
                .single())
        .isEqualTo("SMS");
    assertThat(
            jdbc.sql("select count(*) from notification where case_id = ?")
                .param(anonymous.id().value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aMailOutageDelaysTheEmailWithoutLosingItOrFailingTheChange() {
    String email = "outage." + unique() + "@example.org";
    ResidentId resident = resident(email, null);
    TestMail.stop();
    CaseView c;
    try {
      c = raise(resident); // the change itself succeeds with the mail server down
      long deadline = System.nanoTime() + WAIT.toNanos();
      String error = null;
      while (error == null && System.nanoTime() < deadline) {
        sleep(Duration.ofMillis(200));
        error =
            jdbc.sql(
                    "select last_error from notification where case_id = ? and status = 'PENDING'"
                        + " and attempts > 0")
                .param(c.id().value())
                .query(String.class)
                .optional()
                .orElse(null);
      }
      assertThat(error).as("a failed attempt is recorded for a retry").isNotNull();
    } finally {
      TestMail.restart();
    }
    assertThat(TestMail.await(email, 1, WAIT)).hasSize(1);
    awaitStatus(c, "SENT");
  }

  @Test
  void aMessageLeftSendingByANodeThatDiedGoesAgainOnlyOnceItsClaimLapses() {
    String email = "claimed." + unique() + "@example.org";
    CaseView c = raise(resident(email, null));
    assertThat(TestMail.await(email, 1, WAIT)).hasSize(1);
    awaitStatus(c, "SENT");
    // As a node leaves it when killed between taking the message and the mail server's answer.
    jdbc.sql("update notification set status = 'SENDING', next_attempt_at = ? where case_id = ?")
        .params(java.sql.Timestamp.from(Instant.now().plusSeconds(30)), c.id().value())
        .update();
    afterALaterMessage(); // polls that send other messages: the claim holds
    assertThat(TestMail.to(email)).hasSize(1);

    jdbc.sql("update notification set next_attempt_at = ? where case_id = ?")
        .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), c.id().value())
        .update();
    assertThat(TestMail.await(email, 2, WAIT)).hasSize(2);
    awaitStatus(c, "SENT");
  }

  @Test
  void aRolledBackTransactionDoesNotHoldBackTheNotificationsQueuedBehindIt() {
    // A position taken by a transaction that rolled back never appears (ADR 0002), and more than
    // a batch of other events piles up behind it before the case is raised.
    transactions.executeWithoutResult(
        status -> {
          outboxRow("RolledBack");
          status.setRollbackOnly();
        });
    for (int i = 0; i < 250; i++) {
      outboxRow("Unrelated");
    }
    String email = "behind.gap." + unique() + "@example.org";
    CaseView c = raise(resident(email, null));

    // Well inside the gap timeout (a minute): the missing position holds back the cursor only.
    assertThat(TestMail.await(email, 1, WAIT)).hasSize(1);
    awaitStatus(c, "SENT");
  }

  private void outboxRow(String type) {
    jdbc.sql(
            "insert into outbox_event (event_type, aggregate_type, aggregate_id, occurred_at,"
                + " payload) values (?, 'test', ?, ?, '{}')")
        .params(type, unique(), java.sql.Timestamp.from(java.time.Instant.now()))
        .update();
  }

  private void awaitStatus(CaseView c, String status) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> statuses =
          jdbc.sql("select status from notification where case_id = ?")
              .param(c.id().value())
              .query(String.class)
              .list();
      if (!statuses.isEmpty() && statuses.stream().allMatch(status::equals)) {
        return;
      }
      sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("notifications of " + c.reference() + " never became " + status);
  }

  private CaseView raise(ResidentId resident) {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            cases.open(
                new NewCase(
                    Fixtures.MISSED_BIN,
                    resident,
                    "Bin not collected",
                    "1 Notify Road, SW1A 1AA",
                    null,
                    null,
                    null,
                    null,
                    Map.of("bin_type", List.of("general")),
                    null,
                    null,
                    null,
                    null)));
  }

  private ResidentId resident(String email, String phone) {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            residents.register(
                new ResidentDetails(
                    "Nell",
                    "Notified" + unique(),
                    null,
                    email,
                    phone,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)));
  }

  /**
   * Raises another report and waits for its message: the dispatcher has polled and sent since
   * whatever the test did before, so a message it should not send again would have gone with it.
   */
  private void afterALaterMessage() {
    String marker = "later." + unique() + "@example.org";
    raise(resident(marker, null));
    assertThat(TestMail.await(marker, 1, WAIT)).hasSize(1);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
