// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.borough.identity.Staff;
import org.borough.identity.StaffDirectory;
import org.borough.identity.StaffId;
import org.borough.notifications.StaffAlerts.Alert;
import org.borough.notifications.StaffAlerts.Setting;
import org.borough.portal.TrackLinks;
import org.borough.system.SystemProperties;
import org.borough.system.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Emails staff their alerts: those who chose each one get, every minute there is something new, one
 * email listing what arrived since the last (fifty cases breaching at once are one email, not
 * fifty); those who chose a digest get one a day, after {@code
 * borough.notifications.staff-digest-at} in the council's zone. An alert is marked emailed only
 * once the mail server took it, so an outage delays it; alerts more than a day old (a week for
 * digests) are left to the console. Emails carry references and deadlines, never a resident's
 * details.
 */
@Component
class StaffAlertMail {

  private static final Logger log = LoggerFactory.getLogger(StaffAlertMail.class);
  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
  private static final int BATCH = 500;

  private final StaffAlertRepository repository;
  private final StaffDirectory staff;
  private final Mailer mailer;
  private final MessageSource messages;
  private final TrackLinks links;
  private final SystemProperties system;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final LocalTime digestAt;

  StaffAlertMail(
      StaffAlertRepository repository,
      StaffDirectory staff,
      Mailer mailer,
      MessageSource messages,
      TrackLinks links,
      SystemProperties system,
      WorkingCalendar calendar,
      Clock clock,
      @Value("${borough.notifications.staff-digest-at:07:30}") LocalTime digestAt) {
    this.repository = repository;
    this.staff = staff;
    this.mailer = mailer;
    this.messages = messages;
    this.links = links;
    this.system = system;
    this.calendar = calendar;
    this.clock = clock;
    this.digestAt = digestAt;
  }

  // On one node at a time: two would email the same alerts twice.
  @Scheduled(
      fixedDelayString = "${borough.notifications.staff-alert-interval:60s}",
      initialDelayString = "${borough.notifications.staff-alert-interval:60s}")
  @SchedulerLock(name = "staff-alert-mail")
  void send() {
    try {
      sendEach();
      sendDigests();
    } catch (RuntimeException e) {
      log.warn("Staff alert emails not sent: {}", e.toString());
    }
  }

  /** One email to each member of staff who hears of each alert, listing what is new. */
  void sendEach() {
    Instant now = clock.instant();
    Map<UUID, List<Alert>> byStaff = new LinkedHashMap<>();
    for (Alert a : repository.unsentEach(now.minus(Duration.ofDays(1)), BATCH)) {
      byStaff.computeIfAbsent(a.staffId(), k -> new ArrayList<>()).add(a);
    }
    byStaff.forEach(this::email);
  }

  /** Today's digest to each who chose one, once the hour has come. */
  void sendDigests() {
    ZonedDateTime now = clock.instant().atZone(calendar.zone());
    if (now.toLocalTime().isBefore(digestAt)) {
      return;
    }
    LocalDate today = now.toLocalDate();
    for (UUID who : repository.digestsDue(today)) {
      List<Alert> alerts = repository.unsentOf(who, now.toInstant().minus(Duration.ofDays(7)));
      if (alerts.isEmpty() || email(who, alerts)) {
        repository.digestSent(who, today);
      }
    }
  }

  /** True when the mail server took it (or there was no one to send it to). */
  private boolean email(UUID who, List<Alert> alerts) {
    Setting setting = repository.setting(who).orElse(null);
    Staff member = staff.findStaff(new StaffId(who)).orElse(null);
    if (setting == null || setting.email().isEmpty() || member == null || !member.enabled()) {
      // Nobody to send them to: they stay on the console, and are not looked at again.
      repository.markEmailed(alerts.stream().map(Alert::id).toList(), clock.instant());
      return true;
    }
    StringBuilder lines = new StringBuilder();
    for (Alert a : alerts) {
      lines
          .append(a.reference())
          .append(": ")
          .append(a.state().label().toLowerCase(Locale.UK))
          .append(", due ")
          .append(DUE.format(a.dueAt().atZone(calendar.zone())))
          .append('\n')
          .append(links.consoleCaseUrl(a.reference()))
          .append("\n\n");
    }
    Object[] args = {
      system.councilName(),
      member.displayName(),
      alerts.size(),
      alerts.get(0).reference(),
      lines.toString().stripTrailing(),
      links.consoleUrl("/alerts/settings")
    };
    String subject =
        alerts.size() == 1
            ? messages.getMessage(
                "notify.STAFF_ALERT.subject." + alerts.get(0).state(), args, Locale.UK)
            : messages.getMessage("notify.STAFF_ALERT.subject.MANY", args, Locale.UK);
    try {
      mailer.send(
          "STAFF_ALERT",
          setting.email(),
          subject,
          messages.getMessage("notify.STAFF_ALERT.body", args, Locale.UK),
          Map.of("council", system.councilName()),
          null);
    } catch (RuntimeException e) {
      log.warn(
          "Alerts for {} to {} not sent; tried again in a minute: {}",
          member.username(),
          Masks.email(setting.email()),
          e.toString());
      return false;
    }
    repository.markEmailed(alerts.stream().map(Alert::id).toList(), clock.instant());
    return true;
  }
}
