// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.borough.cases.CasesProperties;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;
import org.borough.system.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads each mailbox's unread emails over IMAP (Jakarta Mail) and takes each in ({@link
 * EmailIntake}). An email is marked read on the server only after its case has been committed, and
 * its body is read with IMAP's PEEK so that reading it does not mark it first: a crash in between
 * leaves it unread, and the next poll knows it was taken already. Spring Integration's mail
 * receiver marks messages as it hands them over, which is the order this must not have.
 */
@Component
class MailboxPoller {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  /** Emails taken from one mailbox per poll; the rest wait for the next. */
  private static final int BATCH = 50;

  private static final Duration KEPT = Duration.ofDays(30);

  private final ServiceCatalogue catalogue;

  private static final Set<Permission> PERMISSIONS =
      EnumSet.of(
          Permission.RESIDENT_READ,
          Permission.RESIDENT_WRITE,
          Permission.CONTACT_LOG,
          Permission.CASE_READ,
          Permission.CASE_RAISE,
          Permission.CASE_NOTE);

  private final MailboxSettings settings;
  private final EmailIntake intake;
  private final InboundEmailRepository emails;
  private final Set<String> own;
  private final long maxAttachment;
  private final Clock clock;

  MailboxPoller(
      MailboxSettings settings,
      EmailIntake intake,
      InboundEmailRepository emails,
      CasesProperties cases,
      ServiceCatalogue catalogue,
      @Value("${borough.notifications.from:no-reply@example.gov.uk}") String from,
      Clock clock) {
    this.catalogue = catalogue;
    this.settings = settings;
    this.intake = intake;
    this.emails = emails;
    this.maxAttachment = cases.attachmentMaxSize().toBytes();
    this.clock = clock;
    Set<String> addresses = new HashSet<>();
    addresses.add(from.strip().toLowerCase());
    settings.all().values().stream()
        .map(Mailbox::ownAddress)
        .filter(a -> a != null)
        .forEach(addresses::add);
    this.own = Set.copyOf(addresses);
  }

  @Scheduled(
      fixedDelayString = "${borough.mail-poll-interval:30s}",
      initialDelayString = "${borough.mail-poll-interval:30s}")
  @SchedulerLock(name = "mailboxes-poll")
  void poll() {
    if (settings.all().isEmpty()) {
      return;
    }
    for (Map.Entry<String, Mailbox> box : settings.all().entrySet()) {
      String name = box.getKey();
      String service = box.getValue().service();
      if (catalogue.find(service).filter(ServiceDefinition::active).isEmpty()) {
        // Every email would be refused one by one; left unread, they wait for the fix.
        log.warn("Mailbox {} is not read: its service {} is not an active service", name, service);
        recordProblem(
            name, "its service " + service + " is not an active service in the catalogue");
        continue;
      }
      try {
        int waiting = read(name, box.getValue());
        emails.polled(
            name,
            clock.instant(),
            waiting == 0 ? null : waiting + " emails could not be taken in; see the log",
            waiting);
      } catch (MessagingException | RuntimeException e) {
        // Never the password: Jakarta Mail's messages name the host and the server's answer.
        log.warn("Mailbox {} could not be read: {}", name, e.toString());
        recordProblem(name, e.toString());
      }
    }
    Instant now = clock.instant();
    if (lastPruned == null || lastPruned.isBefore(now.minus(Duration.ofDays(1)))) {
      emails.pruneBefore(now.minus(KEPT)); // once a day is enough for a 30-day window
      lastPruned = now;
    }
  }

  /** When this node last deleted old inbound_email rows; null before its first poll. */
  private Instant lastPruned;

  private void recordProblem(String name, String problem) {
    try {
      emails.polled(name, clock.instant(), "Could not be read: " + problem, 0);
    } catch (RuntimeException databaseAway) {
      // The log line above says it; the page will say it at the next poll that can write.
    }
  }

  /** Reads the mailbox; returns how many unread emails could not be taken in. */
  private int read(String name, Mailbox box) throws MessagingException {
    Store store = session(box).getStore(box.protocol());
    store.connect(box.host(), box.portOrDefault(), box.username(), box.password());
    try {
      Folder folder = store.getFolder(box.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        // One that cannot be taken in stays unread and is passed over: it must not hold back the
        // emails behind it, however many such there are.
        int taken = 0;
        int waiting = 0;
        for (int i = 0; i < unread.length && taken < BATCH; i++) {
          if (take(name, box, (MimeMessage) unread[i])) {
            unread[i].setFlag(Flags.Flag.SEEN, true);
            taken++;
          } else {
            waiting++;
          }
        }
        return waiting;
      } finally {
        folder.close(false);
      }
    } finally {
      store.close();
    }
  }

  /** Takes one email in; false when it should be tried again (the database is away). */
  private boolean take(String name, Mailbox box, MimeMessage message) throws MessagingException {
    InboundEmail email;
    try {
      email = EmailReader.read(message, own, maxAttachment);
    } catch (IOException | MessagingException e) {
      log.warn(
          "An email in mailbox {} could not be read and was left unread: {}", name, e.toString());
      return false;
    }
    try {
      EmailIntake.Outcome outcome =
          ServicePrincipal.call("email:" + name, PERMISSIONS, () -> intake.take(name, box, email));
      log.info("Email in mailbox {}: {}", name, outcome);
      return true;
    } catch (RuntimeException e) {
      if (DatabaseUnavailable.causedBy(e)) {
        log.warn(
            "Email in mailbox {} left for the next poll: {}",
            name,
            DatabaseUnavailable.describe(e));
      } else {
        log.error("Email in mailbox {} could not be taken in and was left unread", name, e);
      }
      return false;
    }
  }

  private static Session session(Mailbox box) {
    Properties p = new Properties();
    String protocol = box.protocol();
    p.put("mail." + protocol + ".connectiontimeout", "10000");
    p.put("mail." + protocol + ".timeout", "30000");
    p.put("mail." + protocol + ".writetimeout", "30000");
    // Reading a body must not mark the email read: that is done after the commit.
    p.put("mail." + protocol + ".peek", "true");
    if ("imaps".equals(protocol)) {
      p.put("mail.imaps.ssl.checkserveridentity", "true");
    }
    return Session.getInstance(p);
  }
}
