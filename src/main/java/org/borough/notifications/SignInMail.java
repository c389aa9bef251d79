// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.borough.portal.ReportClaimLinkIssued;
import org.borough.portal.SignInLinkIssued;
import org.borough.system.SystemProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Emails a resident their sign-in link, or the link that proves a report is theirs, once the link
 * is committed, on a thread of its own: the resident's request never waits for the mail server and
 * never fails because of it. Unlike case notifications the link is not kept to retry (keeping it
 * would store a working credential at rest): if it cannot be sent it is logged, without the link,
 * and the resident asks again. See ADR 0017.
 */
@Component
class SignInMail implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SignInMail.class);

  private final Mailer mailer;
  private final MessageSource messages;
  private final SystemProperties system;
  private final Clock clock;

  /** One sender, and a bounded queue: a flood of requests drops mail, it does not eat memory. */
  private final ThreadPoolExecutor executor =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(1000),
          r -> {
            Thread t = new Thread(r, "sign-in-mail");
            t.setDaemon(true);
            return t;
          },
          (r, e) -> log.warn("Sign-in email dropped: too many waiting to be sent"));

  SignInMail(Mailer mailer, MessageSource messages, SystemProperties system, Clock clock) {
    this.mailer = mailer;
    this.messages = messages;
    this.system = system;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void issued(SignInLinkIssued event) {
    executor.execute(() -> send(event));
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void claimIssued(ReportClaimLinkIssued event) {
    executor.execute(() -> sendClaim(event));
  }

  private void sendClaim(ReportClaimLinkIssued event) {
    // Rounded up, as the sign-in link's minutes are: a 7-day link sent a moment later says 7 days.
    long days =
        Math.max(
            1,
            (Duration.between(clock.instant(), event.expiresAt()).getSeconds() + 86_399) / 86_400);
    Object[] args = {system.councilName(), event.reference(), event.link(), days};
    try {
      mailer.send(
          "CLAIM",
          event.email(),
          messages.getMessage("notify.CLAIM.subject", args, Locale.UK),
          messages.getMessage("notify.CLAIM.body", args, Locale.UK),
          Map.of(
              "council", system.councilName(),
              "reference", event.reference(),
              "link", event.link(),
              "days", Long.toString(days)),
          null);
    } catch (RuntimeException e) {
      log.warn(
          "Report link for {} to {} not sent: {}",
          event.reference(),
          Masks.email(event.email()),
          e.toString());
    }
  }

  private void send(SignInLinkIssued event) {
    // Rounded up: a 20-minute link sent a moment after it was made still says 20 minutes.
    long minutes =
        Math.max(1, (Duration.between(clock.instant(), event.expiresAt()).getSeconds() + 59) / 60);
    Object[] args = {system.councilName(), event.link(), minutes};
    try {
      mailer.send(
          "SIGN_IN",
          event.email(),
          messages.getMessage("notify.SIGN_IN.subject", args, Locale.UK),
          messages.getMessage("notify.SIGN_IN.body", args, Locale.UK),
          Map.of(
              "council", system.councilName(),
              "link", event.link(),
              "minutes", Long.toString(minutes)),
          null);
    } catch (RuntimeException e) {
      log.warn("Sign-in email to {} not sent: {}", Masks.email(event.email()), e.toString());
    }
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
