// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.CaseAudience;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;
import org.borough.notifications.notify.NotifyRefused;
import org.borough.portal.TrackLinks;
import org.borough.residents.ContactPreferences;
import org.borough.residents.Reach;
import org.borough.residents.ResidentAccounts;
import org.borough.residents.ResidentId;
import org.borough.satisfaction.Satisfaction;
import org.borough.system.DatabaseUnavailable;
import org.borough.system.NotFoundException;
import org.borough.system.SystemProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the messages that are due, each outside any database transaction (a slow mail server holds
 * no locks), then records the outcome: sent (audited, with a {@link NotificationSent} event),
 * skipped (no way to reach the resident), or a retry after a wait that doubles each time.
 */
@Component
class NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
  private static final Duration RECORD_RETRY = Duration.ofSeconds(1);

  private final NotificationRepository repository;
  private final CaseManagement cases;
  private final ResidentAccounts accounts;
  private final Deliveries deliveries;
  private final CaseLines caseLines;
  private final Templates templates;
  private final TrackLinks links;
  private final Satisfaction satisfaction;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final NotificationsProperties properties;
  private final SystemProperties system;
  private final Clock clock;

  NotificationSender(
      NotificationRepository repository,
      CaseManagement cases,
      ResidentAccounts accounts,
      Deliveries deliveries,
      CaseLines caseLines,
      Templates templates,
      TrackLinks links,
      Satisfaction satisfaction,
      AuditLog audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      NotificationsProperties properties,
      SystemProperties system,
      Clock clock) {
    this.repository = repository;
    this.cases = cases;
    this.accounts = accounts;
    this.deliveries = deliveries;
    this.caseLines = caseLines;
    this.templates = templates;
    this.links = links;
    this.satisfaction = satisfaction;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.properties = properties;
    this.system = system;
    this.clock = clock;
  }

  /** Set as Borough stops: the message being sent finishes, no other is started. */
  private volatile boolean stopping;

  @EventListener(ContextClosedEvent.class)
  void stopping() {
    stopping = true;
  }

  /** Sends one batch of due messages; returns how many it tried. */
  int sendDue() {
    Instant now = clock.instant();
    repository.releaseLapsed(now);
    var due = repository.due(now, properties.batchSize());
    for (NotificationRepository.Row row : due) {
      if (stopping) {
        return 0; // the rest wait for the next poll, on this node or another
      }
      if (repository.claim(row.id(), now.plus(properties.claim()))) {
        ServicePrincipal.call(
            NotificationDispatcher.PRINCIPAL,
            EnumSet.of(Permission.CASE_READ, Permission.RESIDENT_READ),
            () -> {
              send(row);
              return null;
            });
      }
    }
    return due.size();
  }

  private void send(NotificationRepository.Row row) {
    Deliveries.Outcome outcome;
    try {
      outcome = deliver(row);
    } catch (RuntimeException e) {
      failed(row, e);
      return;
    }
    Instant at = clock.instant();
    if (outcome.channel() == null && NotificationPlanner.REPLY.equals(row.template())) {
      // A member of staff wrote this one on purpose: they must know it did not go.
      caseLines.replyNotSent(row.caseId(), outcome.skipped());
    }
    recordSent(
        row,
        () ->
            transactions.executeWithoutResult(
                status -> {
                  if (outcome.channel() == null) {
                    repository.finish(row.id(), "SKIPPED", null, null, at, outcome.skipped());
                    return;
                  }
                  String channel = outcome.channel();
                  repository.finish(row.id(), "SENT", channel, outcome.providerId(), at, null);
                  audit.record(
                      AuditAction.CREATE,
                      "notification",
                      row.id().toString(),
                      row.template() + " " + channel.toLowerCase() + " for case " + row.caseId());
                  events.publishEvent(
                      new NotificationSent(
                          row.id(),
                          new CaseId(row.caseId()),
                          row.residentId(),
                          row.template(),
                          channel,
                          at));
                }));
  }

  /**
   * A try that failed waits twice as long as the one before. A message that cannot succeed (Notify
   * refused it for good) or has had all its tries is given up, and a line on the case says the
   * resident has not heard.
   */
  private void failed(NotificationRepository.Row row, RuntimeException e) {
    int attempt = row.attempts() + 1;
    boolean giveUp =
        attempt >= properties.maxAttempts() || e instanceof NotifyRefused r && r.permanent();
    Instant next =
        clock.instant().plus(properties.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 16)));
    String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
    error = error.length() > 300 ? error.substring(0, 300) : error;
    repository.retry(row.id(), next, error, giveUp);
    log.warn(
        "Notification {} attempt {} failed{}: {}",
        row.id(),
        attempt,
        giveUp ? " (giving up)" : ", will retry at " + next,
        e.getMessage());
    if (giveUp) {
      caseLines.notSent(row.caseId(), row.template(), attempt, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Records a message that has gone. The mail server has it now: if the database cannot be reached
   * to say so (it is restarting), try again for as long as the claim lasts rather than leave the
   * message to go a second time when the claim lapses.
   */
  private void recordSent(NotificationRepository.Row row, Runnable record) {
    Instant until = clock.instant().plus(properties.claim());
    while (true) {
      try {
        record.run();
        return;
      } catch (RuntimeException e) {
        if (!DatabaseUnavailable.causedBy(e) || clock.instant().isAfter(until)) {
          throw e;
        }
        log.warn(
            "Notification {} was sent but could not be recorded ({}); trying again",
            row.id(),
            DatabaseUnavailable.describe(e));
        try {
          Thread.sleep(RECORD_RETRY.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * The satisfaction question's link, for the reporter of a resolved case (followers are not
   * asked), or null; none once the case was answered.
   */
  private String feedbackLink(NotificationRepository.Row row, CaseAudience c) {
    if (!NotificationPlanner.RESOLVED.equals(row.template())
        || c.reporter() == null
        || !c.reporter().value().equals(row.residentId())) {
      return null;
    }
    return transactions
        .execute(status -> satisfaction.invite(c))
        .map(links::feedbackUrl)
        .orElse(null);
  }

  /** Sends the message by the way that reaches the resident ({@link Deliveries}). */
  private Deliveries.Outcome deliver(NotificationRepository.Row row) {
    CaseAudience c;
    Reach r;
    String words;
    try {
      // One transaction for the reads rather than one each: a begin and a commit fewer for every
      // message, which at hundreds of reports a second is a measurable share of the database's
      // work.
      Read read =
          transactions.execute(
              status ->
                  new Read(
                      cases.audience(new CaseId(row.caseId())),
                      accounts.reach(new ResidentId(row.residentId())),
                      row.entryId() == null
                          ? null
                          : cases
                              .replyText(new CaseId(row.caseId()), row.entryId())
                              .orElseThrow(() -> new NotFoundException("Reply"))));
      c = read.audience();
      r = read.reach();
      words = read.words();
    } catch (NotFoundException gone) {
      return Deliveries.Outcome.skipped("the case or the resident is no longer held");
    }
    String status =
        row.caseStatus() == null
            ? c.status().label().toLowerCase()
            : CaseStatus.valueOf(row.caseStatus()).label().toLowerCase();
    String link = links.trackUrl(c.reference());
    Templates.Message message =
        templates.render(
            row.template(),
            c.reference(),
            c.serviceName(),
            status,
            link,
            system.councilName(),
            r.forename(),
            words,
            feedbackLink(row, c));
    // The confirmation answers the resident's own report, so it goes whatever their preferences;
    // updates follow them.
    ContactPreferences wants =
        NotificationPlanner.RECEIVED.equals(row.template())
            ? ContactPreferences.DEFAULT
            : r.preferences();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reference", c.reference());
    fields.put("service", c.serviceName());
    fields.put("status", status);
    fields.put("link", link);
    fields.put("council", system.councilName());
    fields.put("first_name", r.forename());
    if (NotificationPlanner.REPLY.equals(row.template())) {
      return deliveries.reply(new CaseId(row.caseId()), message, fields, r, row.id());
    }
    return deliveries.deliver(row.template(), message, fields, r, wants, row.id().toString());
  }

  /** What one message needs read from the CRM. */
  private record Read(CaseAudience audience, Reach reach, String words) {}
}
